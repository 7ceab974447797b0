using CertBot.Protocol.State;
using CertBot.Storage.Testing;

namespace CertBot.Protocol.Tests.State;

/// <summary>The shared IStorage contract on the reference implementation.</summary>
public sealed class MemoryStorageContractTests : StorageContractTests
{
    protected override IStorage CreateStorage() => new MemoryStorage();
}
