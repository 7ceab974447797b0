namespace CertBot.Knowledge.Model;

/// <summary>Something hiring managers weigh; the list order is the weight order, highest first.</summary>
public sealed record HiringSignal(
    string Id,
    string Signal,
    string Advice,
    IReadOnlyList<Role> AppliesTo,
    bool RequiresTargetCloud);
