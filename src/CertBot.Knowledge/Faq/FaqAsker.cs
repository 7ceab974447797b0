using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Faq;

/// <summary>
/// What the bot knows about the person asking: the role the message itself states, and the role and target cloud of
/// their profile so far. Answers whose advice depends on the person use it ("which vendor first?" names the exam of
/// their target cloud); a question that names a vendor or persona itself always wins.
/// </summary>
/// <param name="StatedRole">The role the message states ("I'm a frontend dev, where do I start?").</param>
/// <param name="ProfileRole">The role in the person's profile, when known.</param>
/// <param name="ProfileCloud">The target cloud in the person's profile, when known.</param>
public sealed record FaqAsker(Role? StatedRole, Role? ProfileRole, TargetCloud? ProfileCloud)
{
    /// <summary>
    /// A role the message names without saying it is the asker's ("data scientist moving to ML engineering, what
    /// path?"): it chooses between the persona path entries, which are about whoever the question names, and nothing else.
    /// Lazy, because reading every clause for facts costs more than most questions need: only a path answer asks.
    /// </summary>
    public Lazy<Role?> MentionedRole { get; init; } = NoRole;

    private static readonly Lazy<Role?> NoRole = new(() => null);

    /// <summary>Nothing known about the person.</summary>
    public static FaqAsker Unknown { get; } = new(null, null, null);

    /// <summary>A person of whom only what the message states is known.</summary>
    public static FaqAsker Stating(Role? role) => role is null ? Unknown : new(role, null, null);

    /// <summary>The target cloud when it names one vendor (not undecided).</summary>
    public TargetCloud? DecidedCloud => ProfileCloud is { } cloud && cloud != TargetCloud.Undecided ? cloud : null;
}
