using CertBot.Protocol.State;

namespace CertBot.Storage.Testing;

/// <summary>
/// The <see cref="IStorage"/> contract, run against every provider: each provider's test project derives a class that
/// says how to make a fresh, empty store.
/// </summary>
public abstract class StorageContractTests
{
    /// <summary>A new store with no documents (skip the test from here when the provider cannot run).</summary>
    protected abstract IStorage CreateStorage();

    public static TheoryData<string> UnusualKeys => new()
    {
        "msteams/conversations/19:abc@thread.tacv2;messageid=1700000000000",
        "msteams/users/29:1Xyz-AbC_dEf/../..",
        "key with spaces, commas and a trailing dot.",
        "trailing slash/",
        "percent %2F already encoded %",
        "émoji 🎓 and 中文",
        "back\\slash?query=1#fragment",
        new string('k', 2000),
    };

    [SkippableFact]
    public async Task WriteAsync_ThenRead_ReturnsJsonAndNewETag()
    {
        var storage = CreateStorage();

        var etags = await storage.WriteAsync(Items(("k1", "{\"a\":1}", null)));
        var read = await storage.ReadAsync(["k1", "missing"]);

        var item = Assert.Single(read).Value;
        Assert.Equal("{\"a\":1}", item.Json);
        Assert.Equal(etags["k1"], item.ETag);
        Assert.False(string.IsNullOrEmpty(item.ETag));
    }

    [SkippableTheory]
    [MemberData(nameof(UnusualKeys))]
    public async Task WriteAsync_AnyKey_RoundTripsAndIsListed(string key)
    {
        var storage = CreateStorage();

        await storage.WriteAsync(Items((key, "{\"v\":1}", null)));

        Assert.Equal("{\"v\":1}", (await storage.ReadAsync([key]))[key].Json);
        Assert.Contains(key, await ListAsync(storage, key[..Math.Min(key.Length, 10)]));
    }

    [SkippableFact]
    public async Task WriteAsync_EachWrite_GetsDifferentETag()
    {
        var storage = CreateStorage();

        var first = await storage.WriteAsync(Items(("k", "{}", null)));
        var second = await storage.WriteAsync(Items(("k", "{}", first["k"])));

        Assert.NotEqual(first["k"], second["k"]);
    }

    [SkippableFact]
    public async Task WriteAsync_StaleETag_ThrowsAndWritesNothing()
    {
        var storage = CreateStorage();
        var v1 = await storage.WriteAsync(Items(("a", "1", null), ("b", "1", null)));
        await storage.WriteAsync(Items(("b", "2", v1["b"])));

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync(Items(("a", "3", v1["a"]), ("b", "3", v1["b"]))));

        var read = await storage.ReadAsync(["a", "b"]);
        Assert.Equal("1", read["a"].Json);
        Assert.Equal("2", read["b"].Json);
    }

    [SkippableFact]
    public async Task WriteAsync_CreateOnlyOfExistingDocument_ThrowsAndKeepsIt()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(Items(("k", "1", null)));

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync(Items(("k", "2", null))));

        Assert.Equal("1", (await storage.ReadAsync(["k"]))["k"].Json);
    }

    [SkippableFact]
    public async Task WriteAsync_ParallelFirstWrites_ExactlyOneWins()
    {
        var storage = CreateStorage();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            try
            {
                await storage.WriteAsync(Items(("first", i.ToString(System.Globalization.CultureInfo.InvariantCulture), null)));
                return true;
            }
            catch (StorageConcurrencyException)
            {
                return false;
            }
        }));

        Assert.Equal(1, attempts.Count(won => won));
    }

    [SkippableFact]
    public async Task WriteAsync_ParallelReadModifyWriteWithRetry_LosesNoIncrement()
    {
        var storage = CreateStorage();
        const int writers = 24;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            while (true)
            {
                var stored = await storage.ReadAsync(["counter"]);
                var (count, etag) = stored.TryGetValue("counter", out var item) ? (int.Parse(item.Json, System.Globalization.CultureInfo.InvariantCulture), item.ETag) : (0, null);
                try
                {
                    await storage.WriteAsync(Items(("counter", (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), etag)));
                    return;
                }
                catch (StorageConcurrencyException)
                {
                    await Task.Yield();
                }
            }
        }));

        Assert.Equal(writers.ToString(System.Globalization.CultureInfo.InvariantCulture), (await storage.ReadAsync(["counter"]))["counter"].Json);
    }

    [SkippableFact]
    public async Task WriteAsync_ETagForMissingDocument_Throws()
    {
        var storage = CreateStorage();

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync(Items(("nope", "{}", "\"some-etag\""))));
        Assert.Empty(await storage.ReadAsync(["nope"]));
    }

    [SkippableFact]
    public async Task WriteAsync_StarETag_OverwritesUnconditionally_AndCreates()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(Items(("k", "1", null)));

        await storage.WriteAsync(Items(("k", "2", StoreETags.Any), ("new", "3", StoreETags.Any)));

        var read = await storage.ReadAsync(["k", "new"]);
        Assert.Equal("2", read["k"].Json);
        Assert.Equal("3", read["new"].Json);
    }

    [SkippableFact]
    public async Task DeleteAsync_RemovesOnlyGivenKeys_IgnoresMissing()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(Items(("x", "1", null), ("y", "1", null)));

        await storage.DeleteAsync(["x", "never-written"]);

        Assert.Equal(["y"], (await storage.ReadAsync(["x", "y"])).Keys);
    }

    [SkippableFact]
    public async Task DeleteAsync_WithETag_DeletesOnlyWhileUnchanged()
    {
        var storage = CreateStorage();
        var v1 = await storage.WriteAsync(Items(("k", "1", null)));
        var v2 = await storage.WriteAsync(Items(("k", "2", v1["k"])));

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.DeleteAsync("k", v1["k"]));
        Assert.Equal("2", (await storage.ReadAsync(["k"]))["k"].Json);

        await storage.DeleteAsync("k", v2["k"]);
        Assert.Empty(await storage.ReadAsync(["k"]));
        await storage.DeleteAsync("k", v2["k"]); // already gone: not an error
    }

    [SkippableFact]
    public async Task ListKeysAsync_ReturnsExactlyThePrefixedKeys()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(Items(
            ("certbot/curator/records/1", "{}", null),
            ("certbot/curator/records/2", "{}", null),
            ("certbot/curator/recordsX", "{}", null),
            ("certbot/curator/events", "{}", null),
            ("msteams/users/u", "{}", null)));

        var keys = await ListAsync(storage, "certbot/curator/records/");

        Assert.Equal(["certbot/curator/records/1", "certbot/curator/records/2"], keys.Order(StringComparer.Ordinal));
        Assert.Empty(await ListAsync(storage, "nothing/"));
    }

    [SkippableFact]
    public async Task ListKeysAsync_ManyDocuments_ListsEveryOne()
    {
        var storage = CreateStorage();
        var keys = Enumerable.Range(0, 300).Select(i => $"many/{i:D4}").ToList();
        foreach (var chunk in keys.Chunk(50))
        {
            await storage.WriteAsync(chunk.ToDictionary(k => k, _ => new StoreItem("{}", null)));
        }

        Assert.Equal(keys, (await ListAsync(storage, "many/")).Order(StringComparer.Ordinal));
    }

    protected static Dictionary<string, StoreItem> Items(params (string Key, string Json, string? ETag)[] items) =>
        items.ToDictionary(i => i.Key, i => new StoreItem(i.Json, i.ETag), StringComparer.Ordinal);

    protected static async Task<List<string>> ListAsync(IStorage storage, string prefix)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var keys = new List<string>();
        await foreach (var key in storage.ListKeysAsync(prefix))
        {
            keys.Add(key);
        }

        return keys;
    }
}
