using CertBot.Knowledge.Model;
using CertBot.Text;

namespace CertBot.Knowledge.Faq;

/// <summary>
/// Finds questions that ask for a detail the knowledge does not hold ("what's the passing score for the Google exam?"),
/// so the bot says so and links the official page instead of answering with the nearest entry. A detail counts as
/// missing when the credential the question names lists it in <c>notCovered</c>, or when the entry the matcher would
/// answer with was not written for it or lists it. Built once per knowledge generation.
/// </summary>
public sealed class DetailGapFinder
{
    private readonly KnowledgeBase _knowledge;
    private readonly CredentialMentions _mentions;

    // Which details each entry's own phrasings ask for, and the other way round the entries written for each detail,
    // worked out once per generation rather than on every question (each phrasing cut into words once for all the
    // details: this runs at start-up, before the first answer).
    private readonly (Dictionary<string, HashSet<string>> For, Dictionary<string, FaqEntry[]> By) _written;

    // Every topic's word phrases filed by their first word's letters: one pass over a question for all topics.
    private readonly DetailPhraseIndex _phrases;

    public DetailGapFinder(KnowledgeBase knowledge, CredentialMentions mentions)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(mentions);
        _knowledge = knowledge;
        _mentions = mentions;
        _phrases = new DetailPhraseIndex(knowledge.Details);
        _written = Written(knowledge, _phrases);
    }

    /// <summary>The missing detail the question asks for, or null when it asks for none (or the knowledge holds it).</summary>
    /// <param name="answer">The entry the matcher would answer with, if any.</param>
    /// <param name="answerIsAboutTheCredential">
    /// The answer is the entry for the credential the question names (its exam-format entry, say). When that entry's own
    /// phrasings ask for the detail, it was written for exactly this question and says what is known, so its
    /// <c>notCovered</c> decides instead of the credential's.
    /// </param>
    public FaqDetailGap? Find(string text, FaqEntry? answer, bool answerIsAboutTheCredential = false) =>
        Find(text, text, answer, answerIsAboutTheCredential);

    /// <summary>As <see cref="Find(string, FaqEntry?, bool)"/>, reading the detail from <paramref name="question"/> (the asking part) and the credential from the whole <paramref name="text"/>.</summary>
    public FaqDetailGap? Find(string question, string text, FaqEntry? answer, bool answerIsAboutTheCredential)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Find(question, _mentions.Find(text), answer, answerIsAboutTheCredential);
    }

    /// <summary>As above, with the credential the caller has already found in the message.</summary>
    public FaqDetailGap? Find(string question, Credential? credential, FaqEntry? answer, bool answerIsAboutTheCredential) =>
        Find(Asked(question), credential, answer, answerIsAboutTheCredential);

    /// <summary>The details <paramref name="question"/> asks for, in knowledge order: read once per question, for <see cref="Find(IReadOnlyList{DetailTopic}, Credential?, FaqEntry?, bool)"/> and <see cref="HolderOf"/>.</summary>
    public IReadOnlyList<DetailTopic> Asked(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return _phrases.Asked(question);
    }

    /// <summary>The details <paramref name="question"/> or its other reading <paramref name="alsoAs"/> (the question without a credential's name) asks for, in knowledge order.</summary>
    public IReadOnlyList<DetailTopic> Asked(string question, string? alsoAs)
    {
        var asked = Asked(question);
        if (alsoAs is null)
        {
            return asked;
        }

        var other = Asked(alsoAs);
        return other.All(asked.Contains) ? asked : [.. _knowledge.Details.Where(d => asked.Contains(d) || other.Contains(d))];
    }

    /// <summary>As above, with the details the question asks for already read (<see cref="Asked"/>).</summary>
    public FaqDetailGap? Find(IReadOnlyList<DetailTopic> asked, Credential? credential, FaqEntry? answer, bool answerIsAboutTheCredential)
    {
        ArgumentNullException.ThrowIfNull(asked);
        foreach (var detail in asked)
        {
            if (detail.HeldNowhere)
            {
                return new FaqDetailGap(detail.Id, detail.Label, credential?.Name, credential?.OfficialLink) { HeldNowhere = true };
            }

            // An entry whose own phrasings ask for the detail was written for exactly this question and says what is
            // known, so its notCovered decides; an entry that never asks for it does not hold it, however near its wording.
            var written = answer is not null && (_written.For.TryGetValue(answer.Id, out var details)
                ? details.Contains(detail.Id)
                : answer.Alternatives.Prepend(answer.Question).Any(detail.IsMentionedIn));
            if (written && (answerIsAboutTheCredential || credential is null || !credential.NotCovered.Contains(detail.Id, StringComparer.Ordinal)))
            {
                if (answer!.NotCovered.Contains(detail.Id, StringComparer.Ordinal))
                {
                    return Gap(detail, credential, answer);
                }

                continue;
            }

            if (answer is not null || (credential is not null && credential.NotCovered.Contains(detail.Id, StringComparer.Ordinal)))
            {
                return Gap(detail, credential, answer);
            }
        }

        return null;
    }

    /// <summary>
    /// The one entry written for a detail the question asks for (<paramref name="asked"/>: "how much time do you get, and how many items?"), in the
    /// version for the credential named, or null when it asks for none, the detail is held nowhere, several entries could
    /// be meant, or <paramref name="current"/> (the entry the matcher found) was itself written for an asked detail. Lets
    /// a question that spells out a detail the knowledge holds reach the entry that holds it, even when its other words
    /// resemble a neighbouring entry (the Google preparation entry, say).
    /// </summary>
    public FaqEntry? HolderOf(IReadOnlyList<DetailTopic> asked, CredentialMention? mention, FaqScopes scopes, FaqEntry? current)
    {
        ArgumentNullException.ThrowIfNull(asked);
        ArgumentNullException.ThrowIfNull(scopes);
        FaqEntry? holder = null;
        foreach (var detail in asked)
        {
            if (detail.HeldNowhere)
            {
                continue;
            }

            if (current is not null && _written.For[current.Id].Contains(detail.Id))
            {
                return null;
            }

            foreach (var entry in _written.By[detail.Id])
            {
                var version = scopes.Resolve(entry, mention);
                var suits = mention is null ? version.VersionOf is null : scopes.Fits(version, mention);
                if (!suits || ReferenceEquals(version, holder))
                {
                    continue;
                }

                if (holder is not null)
                {
                    return null;
                }

                holder = version;
            }
        }

        return holder;
    }

    private static (Dictionary<string, HashSet<string>> For, Dictionary<string, FaqEntry[]> By) Written(KnowledgeBase knowledge, DetailPhraseIndex phrases)
    {
        var writtenFor = knowledge.Faqs.ToDictionary(
            entry => entry.Id,
            entry => entry.Alternatives.Prepend(entry.Question).SelectMany(phrases.Asked).Select(d => d.Id).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        var writtenBy = knowledge.Details.ToDictionary(
            detail => detail.Id,
            detail => knowledge.Faqs.Where(e => writtenFor[e.Id].Contains(detail.Id)).ToArray(),
            StringComparer.Ordinal);
        return (writtenFor, writtenBy);
    }

    /// <summary>The gap, linked to the named credential's official page, or else to the answer's first source.</summary>
    private static FaqDetailGap Gap(DetailTopic detail, Credential? credential, FaqEntry? answer) =>
        credential is not null
            ? new FaqDetailGap(detail.Id, detail.Label, credential.Name, credential.OfficialLink)
            : new FaqDetailGap(detail.Id, detail.Label, null, answer?.Sources.Select(s => s.Url).OfType<Uri>().FirstOrDefault());
}
