using CertBot.Composition;
using CertBot.Curation;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.Hosting;

namespace CertBot.Conversation;

/// <summary>Answers a question from the curated FAQ, offers did-you-mean suggestions, or says honestly it does not know.</summary>
public sealed class FaqResponder(IKnowledgeSource knowledge, HybridFaqMatcher matcher, BotMessages messages, CuratorLog curatorLog, CertBotTelemetry telemetry)
{
    /// <summary>The knowledge generation a turn should use throughout.</summary>
    public KnowledgeSnapshot Snapshot => knowledge.Snapshot;

    /// <summary>Matches without answering, so callers can decide between the FAQ and other readings of the text.</summary>
    /// <param name="persona">The role the message itself states ("I'm a frontend dev, where do I start?"), if any.</param>
    public ValueTask<FaqMatch> MatchAsync(KnowledgeSnapshot snapshot, string text, Role? persona, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return matcher.MatchAsync(snapshot, text, persona, cancellationToken);
    }

    /// <summary>Replies for a match: the answer card, the honest not-held reply, did-you-mean, or out-of-scope.</summary>
    public async Task RespondAsync(ITurnContext turn, string text, FaqMatch match, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(match);
        Record(match);
        switch (match.Kind)
        {
            case FaqMatchKind.Answer when match.Entry is not null:
                await AnswerAsync(turn, match.Entry, PlainText.Normalize(text), cancellationToken).ConfigureAwait(false);
                break;
            case FaqMatchKind.NotHeld when match.Gap is not null:
                await curatorLog.RecordAsync(CuratorEventKinds.Unanswered, text, match.NearestFaqId, cancellationToken).ConfigureAwait(false);
                await turn.SendCardAsync(NotHeldCard.Build(messages, match.Gap), cancellationToken).ConfigureAwait(false);
                break;
            case FaqMatchKind.DidYouMean when match.Suggestions.Count > 0:
                await curatorLog.RecordAsync(CuratorEventKinds.LowConfidence, text, match.NearestFaqId, cancellationToken).ConfigureAwait(false);
                await turn.SendCardAsync(DidYouMeanCard.Build(messages, match.Suggestions), cancellationToken).ConfigureAwait(false);
                break;
            default:
                await curatorLog.RecordAsync(CuratorEventKinds.Unanswered, text, match.NearestFaqId, cancellationToken).ConfigureAwait(false);
                await turn.SendCardAsync(OutOfScopeCard.Build(messages), cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Sends the answer card for a known FAQ id; false when the id is unknown (e.g. removed from the file).</summary>
    public async Task<bool> AnswerByIdAsync(ITurnContext turn, string? faqId, CancellationToken cancellationToken)
    {
        var entry = faqId is null ? null : knowledge.Snapshot.Knowledge.FindFaq(faqId);
        if (entry is null)
        {
            return false;
        }

        await AnswerAsync(turn, entry, asked: null, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private void Record(FaqMatch match)
    {
        var outcome = match.Kind switch
        {
            FaqMatchKind.Answer => FaqOutcomes.Answered,
            FaqMatchKind.NotHeld => FaqOutcomes.NotHeld,
            FaqMatchKind.DidYouMean => FaqOutcomes.Suggested,
            _ => FaqOutcomes.Abstained,
        };
        var path = match.Kind is FaqMatchKind.Answer or FaqMatchKind.NotHeld
            ? match.Path is FaqMatchPath.SemanticAgreement or FaqMatchPath.SemanticAlone ? UnderstandingPaths.Semantic : UnderstandingPaths.Lexical
            : UnderstandingPaths.Abstained;
        telemetry.RecordFaqOutcome(outcome);
        telemetry.RecordUnderstanding(path, "faq");
    }

    private Task<CertBot.Protocol.Schema.ResourceResponse> AnswerAsync(ITurnContext turn, FaqEntry entry, string? asked, CancellationToken cancellationToken)
        => turn.SendCardAsync(FaqAnswerCard.Build(messages, knowledge.Snapshot.Knowledge, entry, asked: asked), cancellationToken);
}
