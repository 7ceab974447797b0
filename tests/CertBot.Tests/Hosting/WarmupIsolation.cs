namespace CertBot.Tests.Hosting;

/// <summary>Tests that listen to every turn in the process, so no other test may run beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WarmupIsolation
{
    public const string Name = "Warm-up (not parallel)";
}
