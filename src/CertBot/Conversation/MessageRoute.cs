namespace CertBot.Conversation;

/// <summary>What a typed message is taken as, in the rank order of <see cref="MessageRouteTable"/>.</summary>
public enum MessageRoute
{
    /// <summary>A whole-message command: help, cancel, start over, forget me.</summary>
    Command,

    /// <summary>An answer to the question the interview is asking (or more facts for it).</summary>
    PendingAnswer,

    /// <summary>A change to the profile: an edit cue ("actually 3 years") or a clear statement about oneself.</summary>
    Edit,

    /// <summary>A feature phrase (compare, share, show my result, start) or small talk.</summary>
    Intent,

    /// <summary>A question for the FAQ.</summary>
    Question,

    /// <summary>Facts about the person with no interview yet: starts it with them.</summary>
    Facts,

    /// <summary>Nothing above: a reprompt during the interview, otherwise the FAQ's did-you-mean or honest "I don't know".</summary>
    NotUnderstood,
}
