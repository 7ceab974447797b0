using CertBot.Cards;
using CertBot.Composition;
using CertBot.Curation;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.Hosting;
using CertBot.Text;

namespace CertBot.Conversation;

/// <summary>Answers a question from the curated FAQ, offers did-you-mean suggestions, or says honestly it does not know.</summary>
public sealed class FaqResponder(TurnKnowledge knowledge, HybridFaqMatcher matcher, Catalogues catalogues, CuratorLog curatorLog, CertBotTelemetry telemetry)
{
    /// <summary>The knowledge generation this turn uses throughout.</summary>
    public KnowledgeSnapshot SnapshotOf(ITurnContext turn) => knowledge.For(turn);

    /// <summary>Matches without answering, so callers can decide between the FAQ and other readings of the text.</summary>
    /// <param name="asker">The role the message states and the person's profile so far, for answers that depend on the person.</param>
    public ValueTask<FaqMatch> MatchAsync(KnowledgeSnapshot snapshot, string text, FaqAsker asker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return matcher.MatchAsync(snapshot, text, asker, cancellationToken);
    }

    /// <summary>Replies for a match: the answer card, the honest not-held reply, did-you-mean, or out-of-scope.</summary>
    /// <param name="asker">Who asked, as known when matching, to say how the answer was fitted to them.</param>
    public async Task RespondAsync(ITurnContext turn, string text, FaqMatch match, FaqAsker asker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(match);
        Record(match);
        var messages = catalogues.For(turn).Messages;
        switch (match.Kind)
        {
            case FaqMatchKind.Answer when match.Entry is not null:
                await AnswerAsync(turn, match.Entry, PlainText.Normalize(text), ForYou(messages, knowledge.For(turn).Knowledge, match, asker), cancellationToken).ConfigureAwait(false);
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
        ArgumentNullException.ThrowIfNull(turn);
        var entry = faqId is null ? null : knowledge.For(turn).Knowledge.FindFaq(faqId);
        if (entry is null)
        {
            return false;
        }

        await AnswerAsync(turn, entry, asked: null, forYou: null, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The line that says how the answer was fitted to the person, from the catalogue's templates; null for a general answer.</summary>
    private static string? ForYou(BotMessages messages, KnowledgeBase knowledgeBase, FaqMatch match, FaqAsker asker)
    {
        var cloud = asker.DecidedCloud;
        var cloudName = cloud is { } c ? messages.Recommendation.Clouds.GetValueOrDefault(c.ToWireName(), c.ToWireName()) : null;
        switch (match.Personalisation)
        {
            case FaqPersonalisation.TargetCloud when cloudName is not null:
                return TemplateText.Fill(messages.Faq.ForYourCloud, ("cloud", CardText.Escape(cloudName)));
            case FaqPersonalisation.ProfileRole when asker.ProfileRole is { } role:
                return TemplateText.Fill(messages.Faq.ForYourRole,
                    ("role", CardText.Escape(messages.Recommendation.Roles.GetValueOrDefault(role.ToWireName(), role.ToWireName()))));
            case FaqPersonalisation.ProfileLine when match.Entry?.ForProfile is { } line && cloud is { } target && cloudName is not null:
                var path = knowledgeBase.Paths.FirstOrDefault(p => p.Persona == (asker.ProfileRole ?? asker.StatedRole)) ?? (knowledgeBase.Paths.Count > 0 ? knowledgeBase.Paths[0] : null);
                var credential = path?.CredentialFor(target) is { } id ? knowledgeBase.FindCredential(id) : null;
                return credential is null
                    ? null
                    : TemplateText.Fill(line, ("cloud", CardText.Escape(cloudName)), ("credential", CardText.Escape(credential.Name)));
            default:
                return null;
        }
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

    private Task<CertBot.Protocol.Schema.ResourceResponse> AnswerAsync(ITurnContext turn, FaqEntry entry, string? asked, string? forYou, CancellationToken cancellationToken)
        => turn.SendCardAsync(FaqAnswerCard.Build(catalogues.For(turn).Messages, knowledge.For(turn).Knowledge, entry, forYou: forYou, asked: asked), cancellationToken);
}
