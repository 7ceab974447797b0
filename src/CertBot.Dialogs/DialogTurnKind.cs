namespace CertBot.Dialogs;

/// <summary>What happened in a turn, so the host knows what to do next.</summary>
public enum DialogTurnKind
{
    /// <summary>Answers taken (if any); the next question is in <see cref="DialogTurn.Prompt"/>.</summary>
    Asked,

    /// <summary>Every relevant slot is filled; <see cref="DialogTurn.Values"/> holds them. Recommend now.</summary>
    Completed,

    /// <summary>Neither an answer nor a command; state unchanged, no attempt counted. Try the FAQ, then call Reject or Resume.</summary>
    NotUnderstood,

    /// <summary>Help text in Messages and the pending question repeated.</summary>
    Help,

    /// <summary>Dialog stopped; state is Idle with answers kept out.</summary>
    Cancelled,

    /// <summary>Answers dropped and the first question asked.</summary>
    Restarted,

    /// <summary>The person asked to be forgotten: delete stored data; the state is reset.</summary>
    ForgetRequested,

    /// <summary>One answer changed; if the dialog was complete it still is (Values set) unless a new question became relevant.</summary>
    Edited,

    /// <summary>An answer was rejected; the reprompt is in Prompt.</summary>
    Reprompted,

    /// <summary>The retry limit was reached; the give-up note is in Messages and the dialog moved on.</summary>
    GaveUp,

    /// <summary>The pending question asked again after a detour ("Back to your profile: ...").</summary>
    Resumed,
}
