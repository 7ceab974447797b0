using CertBot.Text;
using CertBot.Dialogs.Definition;
using CertBot.Dialogs.Extraction;

namespace CertBot.Dialogs;

/// <summary>The slot-filling dialog as pure functions: every call takes a <see cref="DialogState"/> and returns a <see cref="DialogTurn"/> with the next one.</summary>
/// <remarks>Stateless and thread-safe; build one per definition and share it. Whenever <see cref="DialogTurn.Values"/> is non-null the profile is complete.</remarks>
public sealed class ProfileDialog
{
    private readonly SlotExtractor _extractor;
    private readonly (DialogCommand Command, PhraseMatcher Phrase)[] _wholeCommands;
    private readonly PhraseMatcher[] _changePrefixes;
    private readonly PhraseIndex _triggers;
    private readonly HashSet<string> _fillerWords;

    /// <summary>Creates the dialog for a definition and an extractor built from the same definition.</summary>
    public ProfileDialog(DialogDefinition definition, SlotExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(extractor);
        Definition = definition;
        _extractor = extractor;
        _wholeCommands = [.. definition.Commands
            .Where(c => c.Key != DialogCommand.Change)
            .SelectMany(c => c.Value.Select(p => (c.Key, new PhraseMatcher(p))))];
        var changePhrases = definition.Commands.TryGetValue(DialogCommand.Change, out var change) ? change : [];
        _changePrefixes = [.. changePhrases.Select(p => new PhraseMatcher(p)).OrderByDescending(p => p.Length)];
        _triggers = new PhraseIndex(definition.Triggers.Select(t => new PhraseMatcher(t)));
        _fillerWords = new HashSet<string>(
            definition.FillerWords.SelectMany(f => Utterance.Parse(f).Tokens), StringComparer.Ordinal);
    }

    /// <summary>The definition this dialog runs.</summary>
    public DialogDefinition Definition { get; }

    /// <summary>Values for any slot in free text (no question pending), questions included; prefer <see cref="ReadFacts"/>.</summary>
    public SlotExtraction Extract(string text) => _extractor.Extract(text);

    /// <summary>The facts the text states about the person; empty for questions about credentials or exams.</summary>
    public SlotExtraction ReadFacts(string text) => _extractor.ReadFacts(text);

    /// <summary>The clause in which the person says what they are or do, or null; for the host's semantic role fallback.</summary>
    public string? SelfDescription(string text) => _extractor.SelfDescription(text);

    /// <summary>True when the text may say who the person is: a first-person word, or not opening with a question word ("DS here, which cert?").</summary>
    public bool SpeaksOfSelf(string text) => _extractor.SpeaksOfSelf(text);

    /// <summary>True when the text asks something: a "?" or a clause opening with a question word.</summary>
    public bool IsQuestion(string text) => _extractor.IsQuestion(text);

    /// <summary>True when the text opens with a proposal cue ("what about AWS?"): a change, though shaped like a question.</summary>
    public bool OpensWithProposal(string text) => _extractor.AfterProposal(text) is not null;

    /// <summary>True when the text asks for a recommendation ("which cert should I get").</summary>
    public bool IsTrigger(string text)
    {
        var tokens = _extractor.Parse(text).Tokens;
        return _triggers.AnyIn(tokens);
    }

    /// <summary>The command the text gives, or null; a change needs a value or a slot name after its prefix.</summary>
    public DialogCommand? RecognizeCommand(string text) => FindCommand(text, null, null)?.Command;

    /// <summary>Starts the dialog (after a trigger), taking any facts already in the text; an active dialog keeps its answers.</summary>
    public DialogTurn Begin(DialogState state, string? text) => Begin(state, text, null);

    /// <summary>Starts the dialog like <see cref="Begin(DialogState, string?)"/>, also taking values the host inferred for slots the text left empty.</summary>
    /// <param name="inferred">Slot values inferred by the host (e.g. role from its semantic fallback); only valid choices count.</param>
    public DialogTurn Begin(DialogState state, string? text, IReadOnlyDictionary<string, string>? inferred)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Status == DialogStatus.Active)
        {
            var more = _extractor.Read(text, state.PendingSlot, state.Values, FactScope.Statements);
            var fresh = WithInferred(Fresh(state, more.Values), inferred, state.Values);
            return fresh.Count == 0 ? Resume(state) : Apply(state, fresh, DialogTurnKind.Asked, acknowledge: true);
        }

        var found = WithInferred(
            new Dictionary<string, string>(_extractor.ReadFacts(text).Values, StringComparer.Ordinal), inferred, null);
        var turn = Apply(Fresh(), found, DialogTurnKind.Asked, acknowledge: true);
        // The intro promises questions; after "Got it: ..." it would read oddly.
        return found.Count == 0
            ? turn with { Messages = [Definition.Messages.Intro, .. turn.Messages] }
            : turn;
    }

    /// <summary>Takes the person's next input: a button click, a command, or free-text answers.</summary>
    public DialogTurn Continue(DialogState state, DialogInput input)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);

        if (input.Slot is not null && input.Value is not null)
        {
            return ContinueWithChoice(state, input.Slot, input.Value);
        }

        var command = FindCommand(input.Text, state.PendingSlot, state.Values);
        if (command is { } found)
        {
            return RunCommand(state, found.Command, found.Change, input.Inferred);
        }

        switch (state.Status)
        {
            case DialogStatus.Idle:
                return Begin(state, input.Text, input.Inferred);
            case DialogStatus.Complete:
                return ContinueComplete(state, input);
            default:
                return ContinueActive(state, input);
        }
    }

    /// <summary>Counts a failed answer to the pending question: reprompts, or after the retry limit applies the give-up rule and moves on.</summary>
    public DialogTurn Reject(DialogState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var slot = PendingSlotOf(state);
        if (slot is null)
        {
            return ReaskAfterDefinitionChange(state);
        }

        var attempts = state.Attempts + 1;
        if (attempts <= slot.RetryLimit)
        {
            var next = state with { Attempts = attempts };
            var prompt = new DialogPrompt(slot.Name, Fill(slot.Reprompt, state.Values), ChoicesOf(slot));
            return new DialogTurn(DialogTurnKind.Reprompted, next, [], prompt, null);
        }

        var values = new Dictionary<string, string>(state.Values, StringComparer.Ordinal);
        if (slot.GiveUp.Value is not null)
        {
            values[slot.Name] = slot.GiveUp.Value;
        }

        var gaveUp = state.GaveUp.Contains(slot.Name, StringComparer.Ordinal) ? state.GaveUp : [.. state.GaveUp, slot.Name];
        var note = Fill(slot.GiveUp.Message, values);
        var turn = Advance(state with { GaveUp = gaveUp }, values, DialogTurnKind.GaveUp);
        return turn with { Kind = DialogTurnKind.GaveUp, Messages = [note, .. turn.Messages] };
    }

    /// <summary>Asks the pending question again after a detour ("Back to your profile: ...").</summary>
    public DialogTurn Resume(DialogState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var slot = PendingSlotOf(state);
        if (slot is null)
        {
            return ReaskAfterDefinitionChange(state);
        }

        var prompt = PromptFor(slot, state);
        var text = TemplateText.Fill(Definition.Messages.Resume, ("prompt", prompt.Text));
        return new DialogTurn(DialogTurnKind.Resumed, state, [], prompt with { Text = text }, null);
    }

    /// <summary>After completion only an edit changes the profile: a proposal ("what about AWS?") or a clear self-statement ("we moved to GCP").</summary>
    private DialogTurn ContinueComplete(DialogState state, DialogInput input)
    {
        var proposal = _extractor.AfterProposal(input.Text);
        var facts = proposal is not null
            ? _extractor.Read(proposal, null, state.Values, FactScope.Everything)
            : _extractor.Read(input.Text, null, state.Values, FactScope.SelfStatements);
        var isSelfStatement = proposal is null && !_extractor.IsQuestion(input.Text) && _extractor.SelfDescription(input.Text) is not null;
        var values = new Dictionary<string, string>(facts.Values, StringComparer.Ordinal);
        if (values.Count > 0 || isSelfStatement)
        {
            values = WithInferred(values, input.Inferred, null);
        }

        if (values.Count == 0)
        {
            return NotUnderstood(state); // a question or a remark: for the host's FAQ, never an edit.
        }

        var turn = Apply(state, values, DialogTurnKind.Edited, acknowledge: true);
        return turn with { Kind = DialogTurnKind.Edited };
    }

    /// <summary>While asking: an answer to the pending question or fresh self-statements fill slots; a question does not.</summary>
    private DialogTurn ContinueActive(DialogState state, DialogInput input)
    {
        var text = _extractor.AfterProposal(input.Text) ?? input.Text;
        var extraction = _extractor.Read(text, state.PendingSlot, state.Values, FactScope.Everything);
        var answersPending = state.PendingSlot is not null && extraction.Values.ContainsKey(state.PendingSlot);
        var isQuestion = _extractor.IsQuestion(text) && !(answersPending && IsShortAnswer(text));
        if (isQuestion)
        {
            // "is AWS harder than GCP?" is for the FAQ; "maybe 2?" still answers. Self-statements inside a question still count.
            extraction = _extractor.Read(text, state.PendingSlot, state.Values, FactScope.SelfStatements);
        }

        // Plain answers fill the open question and empty slots; changing an earlier answer takes a change command,
        // so a side remark cannot silently overwrite it. What the host inferred from a question is no answer either.
        var fresh = Fresh(state, extraction.Values);
        if (!isQuestion)
        {
            fresh = WithInferred(fresh, input.Inferred, state.Values);
        }

        return fresh.Count == 0
            ? NotUnderstood(state)
            : Apply(state, fresh, DialogTurnKind.Asked, acknowledge: true);
    }

    private bool IsShortAnswer(string? text)
    {
        var words = _extractor.Parse(text).Tokens.Count(t => !_fillerWords.Contains(t));
        return words <= Definition.Durations.MaxWordsAroundBareAnswer;
    }

    /// <summary>The found values for the pending slot and for slots still empty.</summary>
    private static Dictionary<string, string> Fresh(DialogState state, IReadOnlyDictionary<string, string> found) =>
        found
            .Where(v => v.Key == state.PendingSlot || !state.Values.ContainsKey(v.Key))
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    /// <summary>Adds inferred values for choice slots the lexical reading left empty (and, when <paramref name="known"/> is given, not yet known).</summary>
    private Dictionary<string, string> WithInferred(
        Dictionary<string, string> values, IReadOnlyDictionary<string, string>? inferred, IReadOnlyDictionary<string, string>? known)
    {
        if (inferred is null)
        {
            return values;
        }

        foreach (var (slotName, value) in inferred)
        {
            if (Definition.FindSlot(slotName) is { Kind: SlotKind.Choice } slot
                && slot.FindChoice(value) is not null
                && !values.ContainsKey(slotName)
                && (known is null || !known.ContainsKey(slotName)))
            {
                values[slotName] = value;
            }
        }

        return values;
    }

    /// <summary>A stored Active state whose pending slot the current YAML no longer has: ask whatever is missing now.</summary>
    private DialogTurn ReaskAfterDefinitionChange(DialogState state)
    {
        if (state.Status != DialogStatus.Active)
        {
            return NotUnderstood(state);
        }

        var known = state.Values
            .Where(v => Definition.FindSlot(v.Key) is not null)
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        var turn = Advance(state with { PendingSlot = null, Attempts = 0 }, known, DialogTurnKind.Resumed);
        return turn.Values is null ? turn : turn with { Kind = DialogTurnKind.Completed };
    }

    private DialogTurn ContinueWithChoice(DialogState state, string slotName, string value)
    {
        var slot = Definition.FindSlot(slotName);
        if (slot is null || state.Status == DialogStatus.Idle
            || !IsRelevant(slot, new Dictionary<string, string>(state.Values, StringComparer.Ordinal)))
        {
            return NotUnderstood(state); // e.g. years on a cloud when the cloud is undecided.
        }

        if (slot.Kind == SlotKind.Choice)
        {
            if (slot.FindChoice(value) is null)
            {
                return NotUnderstood(state);
            }
        }
        else
        {
            if (!double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
                || number < slot.Min || number > slot.Max)
            {
                return NotUnderstood(state);
            }

            value = Utterance.Format(number);
        }

        var kind = state.Status == DialogStatus.Complete ? DialogTurnKind.Edited : DialogTurnKind.Asked;
        return Apply(state, new Dictionary<string, string>(StringComparer.Ordinal) { [slot.Name] = value }, kind, acknowledge: kind == DialogTurnKind.Edited);
    }

    private DialogTurn RunCommand(DialogState state, DialogCommand command, SlotExtraction? change, IReadOnlyDictionary<string, string>? inferred)
    {
        switch (command)
        {
            case DialogCommand.Help:
                var pending = PendingSlotOf(state);
                return new DialogTurn(
                    DialogTurnKind.Help,
                    state,
                    [Definition.Messages.Help],
                    pending is null ? null : PromptFor(pending, state),
                    null);
            case DialogCommand.Cancel:
                return new DialogTurn(DialogTurnKind.Cancelled, DialogState.Idle, [Definition.Messages.Cancelled], null, null);
            case DialogCommand.StartOver:
                var restarted = Advance(Fresh(), new Dictionary<string, string>(StringComparer.Ordinal), DialogTurnKind.Restarted);
                return restarted with { Kind = DialogTurnKind.Restarted, Messages = [Definition.Messages.Restarted] };
            case DialogCommand.ForgetMe:
                // The host confirms the deletion in its own words (messages forget.done) once the data is gone.
                return new DialogTurn(DialogTurnKind.ForgetRequested, DialogState.Idle, [], null, null);
            default:
                return Edit(state, change ?? SlotExtraction.Empty, inferred);
        }
    }

    private DialogTurn Edit(DialogState state, SlotExtraction change, IReadOnlyDictionary<string, string>? inferred)
    {
        var baseState = state.Status == DialogStatus.Idle ? Fresh() : state;
        if (!change.IsEmpty)
        {
            var edited = WithInferred(new Dictionary<string, string>(change.Values, StringComparer.Ordinal), inferred, null);
            var turn = Apply(baseState, edited, DialogTurnKind.Edited, acknowledge: true);
            return turn with { Kind = DialogTurnKind.Edited };
        }

        var slot = Definition.FindSlot(change.MentionedSlots[0])!;
        var values = new Dictionary<string, string>(baseState.Values, StringComparer.Ordinal);
        if (!IsRelevant(slot, values))
        {
            return NotUnderstood(state); // "edit cloud years" while the cloud needs none.
        }

        values.Remove(slot.Name);
        var next = new DialogState(
            DialogStatus.Active,
            slot.Name,
            values,
            0,
            [.. baseState.GaveUp.Where(g => g != slot.Name)]);
        return new DialogTurn(DialogTurnKind.Edited, next, [], PromptFor(slot, next), null);
    }

    /// <summary>Merges new values, drops answers that no longer apply, and asks the next missing slot or completes.</summary>
    private DialogTurn Apply(DialogState state, Dictionary<string, string> found, DialogTurnKind kind, bool acknowledge)
    {
        var values = new Dictionary<string, string>(state.Values, StringComparer.Ordinal);
        foreach (var (slot, value) in found)
        {
            values[slot] = value;
        }

        // "2 years on AWS" was about AWS: a new cloud drops it, unless the same message gives the new one.
        foreach (var dependent in Definition.Slots)
        {
            if (dependent.AskWhen is { } condition
                && !found.ContainsKey(dependent.Name)
                && found.TryGetValue(condition.Slot, out var newValue)
                && state.Values.TryGetValue(condition.Slot, out var oldValue)
                && !string.Equals(newValue, oldValue, StringComparison.Ordinal))
            {
                values.Remove(dependent.Name);
            }
        }

        var gaveUp = state.GaveUp.Where(g => !found.ContainsKey(g)).ToList();
        var turn = Advance(state with { GaveUp = gaveUp }, values, kind);
        if (!acknowledge)
        {
            return turn;
        }

        var shown = Definition.Slots
            .Where(s => found.ContainsKey(s.Name) && turn.State.Values.ContainsKey(s.Name))
            .Select(s => Describe(s, turn.State.Values))
            .ToList();
        if (shown.Count == 0)
        {
            return turn;
        }

        var template = kind == DialogTurnKind.Edited ? Definition.Messages.Edited : Definition.Messages.Acknowledge;
        var message = TemplateText.Fill(template, ("values", string.Join(Definition.Messages.ValueSeparator, shown)));
        return turn with { Messages = [message, .. turn.Messages] };
    }

    private DialogTurn Advance(DialogState state, Dictionary<string, string> values, DialogTurnKind kind)
    {
        foreach (var slot in Definition.Slots)
        {
            if (!IsRelevant(slot, values))
            {
                values.Remove(slot.Name);
            }
        }

        var gaveUp = state.GaveUp.Where(g => Definition.FindSlot(g) is { } s && IsRelevant(s, values)).ToList();
        // An optional slot is never asked here; only an edit that names it ("edit cloud years") asks it.
        var next = Definition.Slots.FirstOrDefault(s =>
            s.Required && IsRelevant(s, values) && !values.ContainsKey(s.Name) && !gaveUp.Contains(s.Name, StringComparer.Ordinal));
        if (next is null)
        {
            var complete = new DialogState(DialogStatus.Complete, null, values, 0, gaveUp);
            return new DialogTurn(kind == DialogTurnKind.Asked ? DialogTurnKind.Completed : kind, complete, [], null, values);
        }

        var attempts = string.Equals(next.Name, state.PendingSlot, StringComparison.Ordinal) ? state.Attempts : 0;
        var active = new DialogState(DialogStatus.Active, next.Name, values, attempts, gaveUp);
        return new DialogTurn(kind, active, [], PromptFor(next, active), null);
    }

    private (DialogCommand Command, SlotExtraction? Change)? FindCommand(
        string? text, string? pendingSlot, IReadOnlyDictionary<string, string>? known)
    {
        var tokens = _extractor.Parse(text).Tokens.Where(t => !_fillerWords.Contains(t)).ToList();
        if (tokens.Count == 0)
        {
            return null;
        }

        foreach (var (command, phrase) in _wholeCommands)
        {
            if (phrase.MatchesWhole(tokens))
            {
                return (command, null);
            }
        }

        foreach (var prefix in _changePrefixes)
        {
            if (!prefix.MatchesAt(tokens, 0))
            {
                continue;
            }

            var rest = string.Join(' ', tokens.Skip(prefix.Length));
            // "sorry, is AWS harder than GCP?" opens like an edit but asks a question: read statements only.
            var change = _extractor.Read(rest, pendingSlot, known, FactScope.Statements);
            var target = change.MentionedSlots.Count > 0 ? change.MentionedSlots[0] : null;
            if (target is not null && !change.Values.ContainsKey(target))
            {
                // "change my cloud to not sure": read the rest as an answer to the named slot.
                var targeted = _extractor.Read(rest, target, known, FactScope.Statements);
                if (!targeted.IsEmpty)
                {
                    change = targeted;
                }
            }

            if (!change.IsEmpty || change.MentionedSlots.Count > 0)
            {
                return (DialogCommand.Change, change);
            }
        }

        return null;
    }

    private static DialogState Fresh() =>
        new(DialogStatus.Active, null, new Dictionary<string, string>(StringComparer.Ordinal), 0, []);

    private static DialogTurn NotUnderstood(DialogState state) =>
        new(DialogTurnKind.NotUnderstood, state, [], null, null);

    private SlotDefinition? PendingSlotOf(DialogState state) =>
        state.Status == DialogStatus.Active && state.PendingSlot is not null ? Definition.FindSlot(state.PendingSlot) : null;

    private DialogPrompt PromptFor(SlotDefinition slot, DialogState state)
    {
        var text = slot.Prompts[state.Attempts % slot.Prompts.Count];
        return new DialogPrompt(slot.Name, Fill(text, state.Values), ChoicesOf(slot));
    }

    private static IReadOnlyList<DialogChoice> ChoicesOf(SlotDefinition slot) =>
        slot.Kind == SlotKind.Choice
            ? [.. slot.Choices.Select(c => new DialogChoice(c.Value, c.Title))]
            : [.. slot.QuickAnswers.Select(q => new DialogChoice(q.Value, q.Title))];

    private static bool IsRelevant(SlotDefinition slot, Dictionary<string, string> values)
    {
        if (slot.AskWhen is null)
        {
            return true;
        }

        return values.TryGetValue(slot.AskWhen.Slot, out var value) && slot.AskWhen.In.Contains(value, StringComparer.Ordinal);
    }

    private string Describe(SlotDefinition slot, IReadOnlyDictionary<string, string> values)
    {
        var value = values[slot.Name];
        var label = slot.FindChoice(value)?.Label ?? value;
        var template = value == "1" && slot.AcknowledgeOne is not null ? slot.AcknowledgeOne : slot.Acknowledge;
        return Fill(TemplateText.Fill(template, ("value", value), ("label", label)), values);
    }

    /// <summary>Replaces {slotName} placeholders with the label (choices) or value (numbers) collected so far.</summary>
    private string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        TemplateText.Fill(text, [.. Definition.Slots
            .Where(slot => values.ContainsKey(slot.Name))
            .Select(slot => (slot.Name, slot.FindChoice(values[slot.Name])?.Label ?? values[slot.Name]))]);
}
