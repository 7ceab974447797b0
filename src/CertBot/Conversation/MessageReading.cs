using CertBot.Dialogs;

namespace CertBot.Conversation;

/// <summary>
/// Everything the route table asks about one message, each part computed at most once and only when a route asks:
/// a pending answer never pays for FAQ matching, and a command never pays for either.
/// </summary>
public sealed class MessageReading
{
    private readonly Func<MessageReading, CancellationToken, ValueTask<DialogTurn>> _readStep;
    private readonly Func<MessageReading, CancellationToken, ValueTask<FaqMatch>> _matchFaq;
    private readonly ProfileDialog _dialog;
    private DialogTurn? _step;
    private FaqMatch? _faq;
    private SlotExtraction? _facts;
    private string? _mentionedRole;
    private bool _mentionedRoleRead;

    public MessageReading(
        string text,
        DialogState state,
        ProfileDialog dialog,
        HostIntentRecognizer intents,
        Func<MessageReading, CancellationToken, ValueTask<DialogTurn>> readStep,
        Func<MessageReading, CancellationToken, ValueTask<FaqMatch>> matchFaq)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(intents);
        Text = text;
        State = state;
        Command = dialog.RecognizeCommand(text);
        (Intent, Feature) = intents.Recognize(text);
        IsTrigger = dialog.IsTrigger(text);
        IsQuestion = dialog.IsQuestion(text);
        OpensWithProposal = dialog.OpensWithProposal(text);
        _dialog = dialog;
        _readStep = readStep;
        _matchFaq = matchFaq;
    }

    public string Text { get; }

    public DialogState State { get; }

    /// <summary>A command the text gives (help, cancel, start over, forget me, change), or null.</summary>
    public DialogCommand? Command { get; }

    /// <summary>A feature phrase or small talk.</summary>
    public HostIntent Intent { get; }

    /// <summary>The name of the feature whose phrase the text is, when <see cref="Intent"/> is <see cref="HostIntent.Feature"/>.</summary>
    public string? Feature { get; }

    /// <summary>Asks for a recommendation ("which cert should I get").</summary>
    public bool IsTrigger { get; }

    /// <summary>Opens with a proposal cue ("what about AWS?", "how about 5 years"): a change, even though shaped like a question.</summary>
    public bool OpensWithProposal { get; }

    /// <summary>Shaped like a question (a question mark, or a question word first).</summary>
    public bool IsQuestion { get; }

    /// <summary>True when a role the text names may be the person's own (first person, or a terse fragment rather than a question about others).</summary>
    public bool SpeaksOfSelf => _dialog.SpeaksOfSelf(Text);

    /// <summary>Facts the text states about the person (never from a question about an exam); read once, when first asked.</summary>
    public SlotExtraction Facts => _facts ??= _dialog.ReadFacts(Text);

    /// <summary>The role the text names anywhere, questions included ("data scientist moving to ML engineering, what path?"), or null; read once, when first asked.</summary>
    public string? MentionedRole
    {
        get
        {
            if (!_mentionedRoleRead)
            {
                _mentionedRole = _dialog.Extract(Text).ValueOf(LearnerProfileMapping.RoleSlot);
                _mentionedRoleRead = true;
            }

            return _mentionedRole;
        }
    }

    /// <summary>The facts include all three a recommendation needs.</summary>
    public bool StatesWholeProfile => Facts.ValueOf(LearnerProfileMapping.RoleSlot) is not null
        && Facts.ValueOf(LearnerProfileMapping.MlYearsSlot) is not null
        && Facts.ValueOf(LearnerProfileMapping.CloudSlot) is not null;

    /// <summary>What the text does to a running or finished interview; NotUnderstood when it is neither an answer nor an edit.</summary>
    public async ValueTask<DialogTurn> StepAsync(CancellationToken cancellationToken) =>
        _step ??= await _readStep(this, cancellationToken).ConfigureAwait(false);

    /// <summary>The FAQ's reading of the text.</summary>
    public async ValueTask<FaqMatch> FaqAsync(CancellationToken cancellationToken) =>
        _faq ??= await _matchFaq(this, cancellationToken).ConfigureAwait(false);
}
