using CertBot.Protocol.Schema;
using CertBot.Protocol.State;
using CertBot.Protocol.Tests.Infrastructure;
using Moq;

namespace CertBot.Protocol.Tests.State;

public sealed class TurnStateTests
{
    [Fact]
    public async Task LoadAsync_ReadsConversationUserAndReferenceInOneCall()
    {
        var storage = new Mock<IStorage>();
        storage.Setup(s => s.ReadAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<string, StoreItem>());

        await TurnState.LoadAsync(storage.Object, "msteams", "a:1", "29:u", CancellationToken.None);

        storage.Verify(s => s.ReadAsync(
            It.Is<IReadOnlyCollection<string>>(k => k.SequenceEqual(new[] { "msteams/conversations/a:1", "msteams/users/29:u", "msteams/references/a:1" })),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SaveAsync_UnchangedOrUntouched_WritesNothing()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["msteams/conversations/a:1"] = new("{\"Count\":3}", null) });
        var spy = new Mock<IStorage>();
        spy.Setup(s => s.ReadAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyCollection<string> k, CancellationToken c) => storage.ReadAsync(k, c));
        var state = await TurnState.LoadAsync(spy.Object, "msteams", "a:1", "29:u", CancellationToken.None);

        Assert.Equal(3, state.Conversation(TestStateContext.Default.CounterState).Count);
        _ = state.User(TestStateContext.Default.CounterState);
        await state.SaveAsync(CancellationToken.None);

        spy.Verify(s => s.WriteAsync(It.IsAny<IReadOnlyDictionary<string, StoreItem>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SaveAsync_Changed_WritesWithReadETag()
    {
        var storage = new MemoryStorage();
        var etags = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["msteams/conversations/a:1"] = new("{\"Count\":3}", null) });
        var state = await TurnState.LoadAsync(storage, "msteams", "a:1", null, CancellationToken.None);

        state.Conversation(TestStateContext.Default.CounterState).Count++;
        // Someone else wrote in between: our write must be refused.
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["msteams/conversations/a:1"] = new("{\"Count\":9}", etags["msteams/conversations/a:1"]) });

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => state.SaveAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_NewDocumentChanged_IsCreated()
    {
        var storage = new MemoryStorage();
        var state = await TurnState.LoadAsync(storage, "msteams", "a:1", "29:u", CancellationToken.None);

        state.User(TestStateContext.Default.CounterState).Count = 5;
        await state.SaveAsync(CancellationToken.None);

        var read = await storage.ReadAsync(["msteams/users/29:u", "msteams/conversations/a:1"]);
        Assert.Equal("{\"Count\":5}", Assert.Single(read).Value.Json);
    }

    [Fact]
    public async Task SaveAsync_DeleteRequested_RemovesDocuments()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            ["msteams/conversations/a:1"] = new("{}", null),
            ["msteams/users/29:u"] = new("{}", null),
        });
        var state = await TurnState.LoadAsync(storage, "msteams", "a:1", "29:u", CancellationToken.None);

        state.DeleteUser();
        state.DeleteConversation();
        await state.SaveAsync(CancellationToken.None);

        Assert.Empty(await storage.ReadAsync(["msteams/conversations/a:1", "msteams/users/29:u"]));
    }

    [Fact]
    public async Task Conversation_SameDocumentTwice_ReturnsSameInstance()
    {
        var state = await TurnState.LoadAsync(new MemoryStorage(), "msteams", "a:1", null, CancellationToken.None);

        var first = state.Conversation(TestStateContext.Default.CounterState);
        var second = state.Conversation(TestStateContext.Default.CounterState);

        Assert.Same(first, second);
        Assert.Throws<InvalidOperationException>(() => state.User(TestStateContext.Default.CounterState));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RememberReference_SameReferenceNextTurn_WritesNothing(bool serviceUrlValidated)
    {
        var storage = new MemoryStorage();
        var first = await TurnState.LoadAsync(storage, "msteams", "a:1", null, CancellationToken.None);
        first.RememberReference(Reference("act-1"), serviceUrlValidated);
        await first.SaveAsync(CancellationToken.None);

        var spy = new Mock<IStorage>();
        spy.Setup(s => s.ReadAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyCollection<string> k, CancellationToken c) => storage.ReadAsync(k, c));
        var next = await TurnState.LoadAsync(spy.Object, "msteams", "a:1", null, CancellationToken.None);
        // Only the activity id differs, and an unvouched turn keeps the earlier vouching: nothing worth a write.
        next.RememberReference(Reference("act-2"), serviceUrlValidated: false);
        await next.SaveAsync(CancellationToken.None);

        spy.Verify(s => s.WriteAsync(It.IsAny<IReadOnlyDictionary<string, StoreItem>>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Equal(serviceUrlValidated, next.StoredReference!.ServiceUrlValidated);
    }

    [Fact]
    public async Task RememberReference_ServiceUrlChanged_WritesTheNewOneUnvouched()
    {
        var storage = new MemoryStorage();
        var first = await TurnState.LoadAsync(storage, "msteams", "a:1", null, CancellationToken.None);
        first.RememberReference(Reference("act-1"), serviceUrlValidated: true);
        await first.SaveAsync(CancellationToken.None);

        var next = await TurnState.LoadAsync(storage, "msteams", "a:1", null, CancellationToken.None);
        next.RememberReference(Reference("act-2") with { ServiceUrl = "https://elsewhere.example/" }, serviceUrlValidated: false);
        await next.SaveAsync(CancellationToken.None);

        var stored = (await TurnState.LoadAsync(storage, "msteams", "a:1", null, CancellationToken.None)).StoredReference!;
        Assert.Equal("https://elsewhere.example/", stored.Reference.ServiceUrl);
        Assert.False(stored.ServiceUrlValidated);
        Assert.Null(stored.Reference.ActivityId);
    }

    private static ConversationReference Reference(string activityId) => new(
        "msteams", "https://smba.example/", new ConversationAccount { Id = "a:1" }, new ChannelAccount { Id = "28:bot" },
        new ChannelAccount { Id = "29:u" }, activityId, "en-US");
}
