using System.Numerics.Tensors;
using CertBot.Knowledge.Hosting;
using CertBot.Knowledge.Model;
using Microsoft.Extensions.AI;

namespace CertBot.Knowledge.Faq;

/// <summary>
/// The FAQ decision for a chat message: the lexical matcher first (whole message, then the question part of a long one);
/// when it is not confident, a sentence embedding decides between answering, did-you-mean and out-of-scope. The
/// embedding answers when its top entry is also the lexical nearest entry above a lower threshold, or on its own above
/// a higher one, so a vague similarity alone never answers. A question for a detail the knowledge does not hold
/// ("the passing score of the Google exam") is reported as <see cref="FaqMatchKind.NotHeld"/> instead of answered with
/// the nearest entry. Thread-safe; holds no knowledge of its own, the caller passes one generation (snapshot) so a
/// hot reload cannot split a turn.
/// </summary>
public sealed class HybridFaqMatcher(IEmbeddingGenerator<string, Embedding<float>>? generator, SemanticMatchOptions options)
{
    private const int MaxSuggestions = 3;

    /// <summary>True when an embedding generator is configured and enabled.</summary>
    public bool SemanticEnabled => generator is not null && options.Enabled;

    /// <summary>Decides what <paramref name="text"/> asks against one knowledge generation (vendor versions included).</summary>
    public ValueTask<FaqMatch> MatchAsync(KnowledgeSnapshot snapshot, string text, CancellationToken cancellationToken) =>
        MatchAsync(snapshot, text, FaqAsker.Unknown, cancellationToken);

    /// <summary>
    /// Decides what <paramref name="text"/> asks against one knowledge generation (vendor versions included);
    /// <paramref name="persona"/> is who the person says they are, when the caller knows, so "I'm a frontend dev, where
    /// do I start?" gets the software engineer's path even when the wording resembles another persona's entry.
    /// </summary>
    public ValueTask<FaqMatch> MatchAsync(KnowledgeSnapshot snapshot, string text, Role? persona, CancellationToken cancellationToken) =>
        MatchAsync(snapshot, text, FaqAsker.Stating(persona), cancellationToken);

    /// <summary>
    /// Decides what <paramref name="text"/> asks against one knowledge generation, fitting the answer to
    /// <paramref name="asker"/>: the persona's entry for the role stated (or, failing that, the profile's), and, when the
    /// question names no vendor, the version for the profile's target cloud.
    /// </summary>
    public async ValueTask<FaqMatch> MatchAsync(KnowledgeSnapshot snapshot, string text, FaqAsker asker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(asker);
        var mention = snapshot.Mentions.FindMention(text);
        var focus = FaqQuestionFocus.Extract(text, snapshot.ReferringWords);
        var match = snapshot.Overviews.Find(focus ?? text, focus is null ? null : text) is { } overview
            ? Answer(overview, 1f, FaqMatchPath.CredentialOverview)
            : await MatchAsync(snapshot.Matcher, snapshot.Semantic, snapshot.Scopes, mention, focus, text, cancellationToken).ConfigureAwait(false);
        match = await AskedAboutNamedAsync(snapshot, match, mention, text, cancellationToken).ConfigureAwait(false);
        match = OtherVendor(snapshot, match, mention);
        // The detail asked for is in the asking part of a long message, not in its context ("I'm back in the job market...").
        // A credential's name inside a detail phrase hides the phrase ("how long is the AIF-C01 exam?"), so the asking part
        // is also read with the name replaced by "exam".
        var asking = focus ?? text;
        var asked = snapshot.Gaps.Asked(asking, mention is null ? null : snapshot.NameMask.Mask(asking));
        // A question that names one of our credentials and another exam compares them ("SAP-C02 before MLA-C01?").
        if (mention is not { Explicit: true } && snapshot.UnknownCodes.Topic is { } other && !asked.Contains(other) && snapshot.UnknownCodes.Find(text) is not null)
        {
            asked = [other, .. asked];
        }

        match = HeldDetail(snapshot, match, mention, asked);
        match = Personalise(snapshot, match, mention, asker);

        // An unsure match that asks for a detail is judged by its first suggestion: if even that entry was not written
        // for the detail, offering it would answer another question ("do employers reimburse the fee?": the fees entry).
        var answer = match.Kind == FaqMatchKind.Answer ? match.Entry : match.Kind == FaqMatchKind.DidYouMean && asked.Count > 0 && match.Suggestions.Count > 0 ? match.Suggestions[0] : null;
        var gap = snapshot.Gaps.Find(asked, mention?.Credential, answer, answer is not null && mention is not null && snapshot.Scopes.IsAbout(answer, mention));
        return gap is null
            ? match
            : new FaqMatch(FaqMatchKind.NotHeld, null, match.Confidence, [], match.NearestFaqId) { Path = FaqMatchPath.NotHeld, Gap = gap };
    }

    /// <summary>
    /// A question that names a credential and was not answered, or was answered with an overview entry, matched again
    /// with the name replaced by "exam": when what is left asks a topic ("what's the passing score for the exam?"),
    /// that topic's version for the named credential answers instead of the entry its name resembles.
    /// </summary>
    private async ValueTask<FaqMatch> AskedAboutNamedAsync(KnowledgeSnapshot snapshot, FaqMatch match, CredentialMention? mention, string text, CancellationToken cancellationToken)
    {
        // An answer from any entry but an overview stands; so does "out of scope": a name alone does not make a question ours.
        var open = match.Kind == FaqMatchKind.DidYouMean
            || (match is { Kind: FaqMatchKind.Answer, Entry: { } entry } && entry.OverviewOf.Count > 0 && match.Path != FaqMatchPath.CredentialOverview);
        if (mention is null || !open || snapshot.NameMask.Mask(text) is not { } masked)
        {
            return match;
        }

        // "tell me about the exam" still asks what it is, and "AI-900 or AI-901?" compares two: the name is the question.
        var focus = FaqQuestionFocus.Extract(masked, snapshot.ReferringWords);
        if (snapshot.Overviews.AsksOnlyWhatItIs(FaqQuestionFocus.Extract(masked) ?? masked) || snapshot.Mentions.FindNamed(text).Count > 1)
        {
            return match;
        }

        var topic = await MatchAsync(snapshot.Matcher, snapshot.Semantic, snapshot.Scopes, null, focus, masked, cancellationToken).ConfigureAwait(false);
        if (topic is not { Kind: FaqMatchKind.Answer, Entry: { } asked } || asked.OverviewOf.Count > 0 || asked.Persona is not null || asked.AboutKinds
            || (match.Kind == FaqMatchKind.Answer && topic.Confidence < options.NamedTopicThreshold))
        {
            return match;
        }

        var version = snapshot.Scopes.Resolve(asked, mention);
        // Unsure before, it answers now only with one of the entries it was unsure between.
        var offered = match.Kind != FaqMatchKind.DidYouMean
            || match.Suggestions.Select(e => e.Id).Append(match.NearestFaqId).OfType<string>()
                .Select(snapshot.Knowledge.FindFaq).OfType<FaqEntry>()
                .Any(e => snapshot.Scopes.Resolve(e, mention).Id == version.Id);
        return offered && snapshot.Scopes.Fits(version, mention)
            ? topic with { Entry = version, NearestFaqId = version.Id, Path = FaqMatchPath.NameMasked }
            : match;
    }

    /// <summary>
    /// An answer about another vendor's credential than the one named becomes a did-you-mean over the named vendor's
    /// own credential entries: the words matched, the vendor did not.
    /// </summary>
    private static FaqMatch OtherVendor(KnowledgeSnapshot snapshot, FaqMatch match, CredentialMention? mention)
    {
        if (mention is null || match is not { Kind: FaqMatchKind.Answer, Entry: { } entry } || !snapshot.Scopes.IsAboutAnotherVendor(entry, mention))
        {
            return match;
        }

        var own = snapshot.Knowledge.Faqs
            .Where(e => e.OverviewOf.Count > 0 && snapshot.Scopes.IsAbout(e, new CredentialMention(mention.Credential, Explicit: false)))
            .ToArray();
        return new FaqMatch(FaqMatchKind.DidYouMean, null, match.Confidence, own, own.FirstOrDefault()?.Id) { Path = match.Path };
    }

    /// A question in our domain that asks for a detail one entry was written for ("how much time do you get, and how many
    /// items?") is answered with that entry when the match found was unsure or another entry not written for the detail;
    /// out of scope stays out of scope, since a detail word alone ("how many questions on the Databricks exam?") does not
    /// make a question ours.
    /// </summary>
    private static FaqMatch HeldDetail(KnowledgeSnapshot snapshot, FaqMatch match, CredentialMention? mention, IReadOnlyList<DetailTopic> asked)
    {
        if (match.Kind == FaqMatchKind.OutOfScope || (match.Kind == FaqMatchKind.Answer && match.Path == FaqMatchPath.CredentialOverview))
        {
            return match;
        }

        var current = match.Kind == FaqMatchKind.Answer ? match.Entry : null;
        return snapshot.Gaps.HolderOf(asked, mention, snapshot.Scopes, current) is { } holder && !ReferenceEquals(holder, current)
            ? Answer(holder, (float)match.Confidence, FaqMatchPath.DetailHolder)
            : match;
    }

    /// <summary>The direction halfway between two vectors: the sum of their unit vectors (cosine ignores its length).</summary>
    private static ReadOnlyMemory<float> MeanDirection(ReadOnlySpan<float> first, ReadOnlySpan<float> second)
    {
        var (a, b) = (TensorPrimitives.Norm(first), TensorPrimitives.Norm(second));
        var mean = new float[first.Length];
        if (a > 0)
        {
            TensorPrimitives.MultiplyAdd(first, 1 / a, mean, mean);
        }

        if (b > 0 && second.Length == first.Length)
        {
            TensorPrimitives.MultiplyAdd(second, 1 / b, mean, mean);
        }

        return mean;
    }

    private static FaqMatch Personalise(KnowledgeSnapshot snapshot, FaqMatch match, CredentialMention? mention, FaqAsker asker)
    {
        if (match is { Kind: FaqMatchKind.DidYouMean } && (asker.StatedRole ?? asker.ProfileRole) is { } asking)
        {
            // Offer the person's own path among the suggestions, never another persona's.
            var own = snapshot.Knowledge.Faqs.FirstOrDefault(e => e.Persona == asking);
            if (own is null)
            {
                return match;
            }

            var suggestions = match.Suggestions.Select(e => e.Persona is null ? e : own).DistinctBy(e => e.Id, StringComparer.Ordinal).ToArray();
            // A message that says who the person is ("I've written Go for eight years, never trained a model") and
            // comes close to a path entry asks for their path: answer it rather than make them pick.
            return asker.StatedRole == asking && suggestions.Contains(own)
                ? Answer(own, (float)match.Confidence, FaqMatchPath.StatedPersona)
                : match with { Suggestions = suggestions };
        }

        if (match is not { Kind: FaqMatchKind.Answer, Entry: { } entry })
        {
            return match;
        }

        if (entry.Persona is { } written)
        {
            var named = asker.StatedRole ?? asker.MentionedRole.Value;
            var role = named ?? asker.ProfileRole;
            return role is { } theirs && theirs != written && snapshot.Knowledge.Faqs.FirstOrDefault(e => e.Persona == theirs) is { } path
                ? match with { Entry = path, NearestFaqId = path.Id, Personalisation = named is null ? FaqPersonalisation.ProfileRole : FaqPersonalisation.None }
                : match;
        }

        // A question that names a vendor got that vendor's version already; one that names none gets the target cloud's.
        if (mention is not null || asker.DecidedCloud is not { } cloud
            || snapshot.Knowledge.Paths.Select(p => p.CredentialFor(cloud)).OfType<string>().Select(snapshot.Knowledge.FindCredential).FirstOrDefault() is not { } target)
        {
            return match;
        }

        var version = snapshot.Scopes.Resolve(entry, new CredentialMention(target, Explicit: false));
        if (!ReferenceEquals(version, entry) && version.VersionOf is not null)
        {
            return match with { Entry = version, NearestFaqId = version.Id, Personalisation = FaqPersonalisation.TargetCloud };
        }

        return entry.ForProfile is not null ? match with { Personalisation = FaqPersonalisation.ProfileLine } : match;
    }

    /// <summary>Decides what <paramref name="text"/> asks, using the lexical matcher and, when given and enabled, the semantic index.</summary>
    public ValueTask<FaqMatch> MatchAsync(FaqMatcher lexical, FaqSemanticIndex? index, string text, CancellationToken cancellationToken) =>
        MatchAsync(lexical, index, null, null, FaqQuestionFocus.Extract(text), text, cancellationToken);

    private async ValueTask<FaqMatch> MatchAsync(
        FaqMatcher lexical,
        FaqSemanticIndex? index,
        FaqScopes? scopes,
        CredentialMention? mention,
        string? focus,
        string text,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lexical);
        ArgumentNullException.ThrowIfNull(text);
        var semantic = index is not null && generator is not null && options.Enabled;
        var whole = lexical.Match(text);
        if (whole.Kind == FaqMatchKind.Answer)
        {
            var answer = Scoped(whole, scopes, mention, semantic ? index : null);
            return semantic ? await CrossCheckedAsync(answer, index!, scopes, mention, focus, text, cancellationToken).ConfigureAwait(false) : answer;
        }

        var narrowed = focus is null ? null : lexical.Match(focus);
        if (narrowed is { Kind: FaqMatchKind.Answer })
        {
            var answer = Scoped(narrowed with { Path = FaqMatchPath.LexicalFocus }, scopes, mention, semantic ? index : null);
            return semantic ? await CrossCheckedAsync(answer, index!, scopes, mention, focus, text, cancellationToken).ConfigureAwait(false) : answer;
        }

        var best = narrowed is not null && narrowed.Confidence > whole.Confidence ? narrowed : whole;
        // A lone word ("exam") says too little for any similarity to mean an answer; it gets suggestions at most.
        if (!semantic || index is null || CountWords(text) < options.MinWords)
        {
            return best;
        }

        var query = await EmbedAsync(focus, text, cancellationToken).ConfigureAwait(false);
        var neighbours = Nearest(index, query.Span, scopes, mention);
        if (neighbours.Best is not { } top)
        {
            return best;
        }

        // The lexical candidates: the nearest entry of the whole message and of its question part, and their suggestions.
        // Compared in the version for the vendor the question names, so "mla-c01 format" agrees whether the lexical side
        // found the general format entry and the embedding the AWS one, or the other way round.
        var lexicalNearest = new[] { whole.NearestFaqId, narrowed?.NearestFaqId }
            .Concat(whole.Suggestions.Select(e => e.Id))
            .Concat(narrowed?.Suggestions.Select(e => e.Id) ?? [])
            .OfType<string>()
            .Select(id => index.Entries.FirstOrDefault(e => e.Id == id))
            .OfType<FaqEntry>()
            .Select(e => Version(e, scopes, mention, index).Id)
            .ToArray();
        if (neighbours.BestSimilarity >= options.AgreementThreshold && (neighbours.Margin >= options.AgreementMargin || SameTopic(top, neighbours.Second)) && lexicalNearest.Contains(Version(top, scopes, mention, index).Id, StringComparer.Ordinal))
        {
            return Scoped(Answer(top, neighbours.BestSimilarity, FaqMatchPath.SemanticAgreement), scopes, mention, index);
        }

        if (neighbours.BestSimilarity >= options.AloneThreshold && neighbours.Margin >= options.AloneMargin)
        {
            return Scoped(Answer(top, neighbours.BestSimilarity, FaqMatchPath.SemanticAlone), scopes, mention, index);
        }

        if (neighbours.BestSimilarity >= options.SuggestThreshold)
        {
            return new FaqMatch(FaqMatchKind.DidYouMean, null, neighbours.BestSimilarity, Suggestions(best, neighbours), best.NearestFaqId ?? top.Id)
            {
                Path = FaqMatchPath.SemanticAgreement,
            };
        }

        return best;
    }

    /// <summary>
    /// A lexical answer that is not sure of itself, checked against the embedding: when the embedding clearly prefers
    /// another entry, the shared words were probably the wrong ones ("how long is the exam" against "how long to
    /// prepare"), so the person is offered both instead of the lexical guess. A question that names the credential the
    /// answer is about keeps it (the name is the strongest word in it), and so does an overview answer that the
    /// embedding would swap for another overview (the name decided between them, not the wording).
    /// </summary>
    private async ValueTask<FaqMatch> CrossCheckedAsync(FaqMatch answer, FaqSemanticIndex index, FaqScopes? scopes, CredentialMention? mention, string? focus, string text, CancellationToken cancellationToken)
    {
        if (answer is not { Kind: FaqMatchKind.Answer, Entry: { } entry } || answer.Confidence >= options.CrossCheckBelow || CountWords(text) < options.MinWords
            || (mention is { Explicit: true } && scopes is not null && scopes.Fits(entry, mention)))
        {
            return answer;
        }

        var query = await EmbedAsync(focus, text, cancellationToken).ConfigureAwait(false);
        var neighbours = Nearest(index, query.Span, scopes, mention);
        if (neighbours.Best is not { } top)
        {
            return answer;
        }

        var preferred = Version(top, scopes, mention, index);
        if (preferred.Id == entry.Id || (entry.OverviewOf.Count > 0 && preferred.OverviewOf.Count > 0))
        {
            return answer;
        }

        // The lexical entry's own similarity is its general topic's when it is a vendor's version (only those are indexed).
        var own = index.Entries.FirstOrDefault(e => e.Id == entry.Id) ?? index.Entries.FirstOrDefault(e => e.Id == entry.VersionOf);
        var lead = neighbours.BestSimilarity - (own is null ? 0 : index.Similarity(query.Span, own));
        return lead < options.CrossCheckMargin
            ? answer
            : new FaqMatch(FaqMatchKind.DidYouMean, null, answer.Confidence, [entry, preferred], entry.Id) { Path = answer.Path };
    }

    /// <summary>
    /// A long message is embedded twice in one batch: its question part and the whole of it. The question alone loses
    /// what the context names ("I'm on Azure... How long should I give myself?"), the whole alone lets the context
    /// outweigh the question; the two weigh equally.
    /// </summary>
    private async ValueTask<ReadOnlyMemory<float>> EmbedAsync(string? focus, string text, CancellationToken cancellationToken)
    {
        string[] queries = focus is null ? [text] : [focus, text];
        var embeddings = await generator!.GenerateAsync(queries, cancellationToken: cancellationToken).ConfigureAwait(false);
        return embeddings.Count > 1 ? MeanDirection(embeddings[0].Vector.Span, embeddings[1].Vector.Span) : embeddings[0].Vector;
    }

    /// <summary>
    /// When the question names a credential, only entries that suit it compete: "the fee for AI-103" is not answered
    /// with the AI-900 entry however alike the wording.
    /// </summary>
    private static FaqSemanticNeighbours Nearest(FaqSemanticIndex index, ReadOnlySpan<float> query, FaqScopes? scopes, CredentialMention? mention) =>
        index.Nearest(query, scopes is null || mention is null ? null : entry => scopes.Fits(entry, mention) ? 0 : -2);

    /// <summary>A general topic and one vendor's version of it (or two versions of one topic) are not rivals.</summary>
    private static bool SameTopic(FaqEntry first, FaqEntry? second) =>
        second is not null && (first.VersionOf ?? first.Id) == (second.VersionOf ?? second.Id);

    private static FaqEntry Version(FaqEntry entry, FaqScopes? scopes, CredentialMention? mention, FaqSemanticIndex index) =>
        scopes?.Resolve(entry, mention) ?? entry;

    /// <summary>The matched topic in the version for the vendor the question names (or the general one when it names none).</summary>
    private static FaqMatch Scoped(FaqMatch answer, FaqScopes? scopes, CredentialMention? mention, FaqSemanticIndex? index)
    {
        if (scopes is null || answer.Entry is null)
        {
            return answer;
        }

        var resolved = scopes.Resolve(answer.Entry, mention);
        if (mention is { Explicit: true } && index is not null && !scopes.Fits(resolved, mention))
        {
            // The question names an exam by code or name and the answer is about another one: offer that exam's entries instead of guessing.
            var suggestions = scopes.About(mention).Prepend(resolved).DistinctBy(e => e.Id, StringComparer.Ordinal).Take(MaxSuggestions).ToArray();
            return new FaqMatch(FaqMatchKind.DidYouMean, null, answer.Confidence, suggestions, resolved.Id) { Path = answer.Path };
        }

        return ReferenceEquals(resolved, answer.Entry) ? answer : answer with { Entry = resolved, NearestFaqId = resolved.Id };
    }

    private static int CountWords(string text) =>
        text.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    private static FaqMatch Answer(FaqEntry entry, float similarity, FaqMatchPath path) =>
        new(FaqMatchKind.Answer, entry, similarity, [], entry.Id) { Path = path };

    /// <summary>The lexical suggestions first (they share words with the question), then the embedding's neighbours.</summary>
    private static FaqEntry[] Suggestions(FaqMatch lexical, FaqSemanticNeighbours neighbours) =>
        [.. lexical.Suggestions
            .Concat(new[] { neighbours.Best, neighbours.Second }.OfType<FaqEntry>())
            .DistinctBy(e => e.Id, StringComparer.Ordinal)
            .Take(MaxSuggestions)];
}
