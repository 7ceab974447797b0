namespace CertBot.Knowledge.Faq;

/// <summary>How an answer was fitted to the person's profile, so the card can say so.</summary>
public enum FaqPersonalisation
{
    /// <summary>The general answer (or the one the question itself asked for).</summary>
    None,

    /// <summary>The version for the profile's target cloud, since the question named no vendor.</summary>
    TargetCloud,

    /// <summary>The entry for the profile's role, since the question stated none.</summary>
    ProfileRole,

    /// <summary>A general answer with the entry's <c>forProfile</c> line for the person's target cloud.</summary>
    ProfileLine,
}
