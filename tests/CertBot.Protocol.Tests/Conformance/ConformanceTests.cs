using System.Net;
using System.Text.Json;
using CertBot.Protocol.Connector;
using CertBot.Protocol.Schema;
using CertBot.Protocol.Serialization;
using CertBot.Protocol.Tests.Infrastructure;
using CertBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace CertBot.Protocol.Tests.Conformance;

/// <summary>One test per line of the protocol spec's §10 conformance checklist, over real loopback HTTP.</summary>
public sealed class ConformanceTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Dictionary<string, object> Claims(params (string Key, object Value)[] claims) =>
        claims.ToDictionary(c => c.Key, c => c.Value);

    [Fact]
    public async Task Conformance01_NoAuthorizationWithAppId_Returns401()
    {
        using var response = await _host.PostAsync(_host.Message("hi"), authorization: "");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, _host.Probe.Turns);
    }

    [Fact]
    public async Task Conformance02_NoAuthorizationWithoutAppId_AcceptedAnonymously()
    {
        await using var local = await BotHost.StartAsync(localMode: true);

        using var response = await local.PostAsync(local.Message("hi"), authorization: "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(local.ConnectorRequests);
        Assert.Null(sent.Authorization);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer a b")]
    [InlineData("TOKEN-ONLY")]
    public async Task Conformance03_HeaderNotBearerTwoParts_Returns401(string header)
    {
        using var response = await _host.PostAsync(_host.Message("hi"), header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example.com")]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/")]
    public async Task Conformance04_WrongIssuer_Returns401(string issuer)
    {
        var token = TestKeys.Mint(_host.AppId!, _host.ServiceUrl, issuer: issuer);

        using var response = await _host.PostAsync(_host.Message("hi"), "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Conformance05_WrongAudience_Returns401()
    {
        foreach (var audience in new[] { Guid.NewGuid().ToString(), "api://" + _host.AppId })
        {
            using var response = await _host.PostAsync(_host.Message("hi"), "Bearer " + TestKeys.Mint(audience, _host.ServiceUrl));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task Conformance06_ExpiredBeyondSkew_Rejected_WithinSkew_Accepted()
    {
        var longExpired = TestKeys.Mint(_host.AppId!, _host.ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-6));
        var recentlyExpired = TestKeys.Mint(_host.AppId!, _host.ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-3));

        using var rejected = await _host.PostAsync(_host.Message("hi"), "Bearer " + longExpired);
        using var accepted = await _host.PostAsync(_host.Message("hi"), "Bearer " + recentlyExpired);

        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Conformance06_Lifetime_IsJudgedOnTheBotsClockNotTheSystemClock()
    {
        var clock = new ObservableClock();
        await using var host = await BotHost.StartAsync(clock: clock);
        // Valid for an hour by the system clock; the bot's clock then moves past its expiry and the skew.
        var token = TestKeys.Mint(host.AppId!, host.ServiceUrl);

        using var before = await host.PostAsync(host.Message("hi"), "Bearer " + token);
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(6));
        using var after = await host.PostAsync(host.Message("hi again"), "Bearer " + token);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Conformance07_KeyAbsentFromJwks_RejectedAfterOneRefresh()
    {
        using var warmUp = await _host.PostAsync(_host.Message("hi"));
        var fetchesBefore = _host.Channel.JwksFetches(_host.Scope);

        var token = TestKeys.Mint(_host.AppId!, _host.ServiceUrl, key: TestKeys.Unpublished);
        using var response = await _host.PostAsync(_host.Message("hi"), "Bearer " + token);

        Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(fetchesBefore + 1, _host.Channel.JwksFetches(_host.Scope));
    }

    [Fact]
    public async Task Conformance08_Hs256AndNone_Rejected_Rs256Accepted()
    {
        var symmetric = new SymmetricSecurityKey(new byte[32]) { KeyId = TestKeys.EndorsedKid };
        var hs256 = TestKeys.Mint(_host.AppId!, _host.ServiceUrl, key: symmetric, algorithm: SecurityAlgorithms.HmacSha256);
        var none = TestKeys.MintUnsigned(_host.AppId!, _host.ServiceUrl);
        var rs256 = TestKeys.Mint(_host.AppId!, _host.ServiceUrl);

        using var hsResponse = await _host.PostAsync(_host.Message("hi"), "Bearer " + hs256);
        using var noneResponse = await _host.PostAsync(_host.Message("hi"), "Bearer " + none);
        using var rsResponse = await _host.PostAsync(_host.Message("hi"), "Bearer " + rs256);

        Assert.Equal(HttpStatusCode.Unauthorized, hsResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noneResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rsResponse.StatusCode);
    }

    [Fact]
    public async Task Conformance09_ChannelTokenWithoutServiceUrlClaim_Returns401()
    {
        using var response = await _host.PostAsync(_host.Message("hi"), "Bearer " + TestKeys.Mint(_host.AppId!, serviceUrl: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Conformance10_ServiceUrlClaimDiffers_Returns401_CaseOnlyDifferenceAccepted()
    {
        var other = TestKeys.Mint(_host.AppId!, "https://smba.trafficmanager.net/amer/");
        var upperCased = TestKeys.Mint(_host.AppId!, _host.ServiceUrl.ToUpperInvariant());

        using var mismatch = await _host.PostAsync(_host.Message("hi"), "Bearer " + other);
        using var caseOnly = await _host.PostAsync(_host.Message("hi"), "Bearer " + upperCased);

        Assert.Equal(HttpStatusCode.Unauthorized, mismatch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, caseOnly.StatusCode);
    }

    [Fact]
    public async Task Conformance11_KeyEndorsementsLackChannel_Returns401()
    {
        var activity = _host.Message("hi");
        activity.ChannelId = "slack";

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Conformance12_ChannelTokenFromKeyWithoutEndorsements_Returns401()
    {
        var token = TestKeys.Mint(_host.AppId!, _host.ServiceUrl, key: TestKeys.Unendorsed);

        using var response = await _host.PostAsync(_host.Message("hi"), "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Conformance13_SkillShapedToken_Returns401()
    {
        var token = TestKeys.Mint(_host.AppId!, _host.ServiceUrl,
            extraClaims: Claims(("ver", "1.0"), ("appid", Guid.NewGuid().ToString())));

        using var response = await _host.PostAsync(_host.Message("hi"), "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Conformance14_EmulatorTokens_Ver2UsesAzp_Ver1UsesAppid_OtherVerRejected()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["BotFramework:EnableEmulatorAuthentication"] = "true",
        });
        const string v1Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
        const string v2Issuer = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";
        string Emulator(string issuer, params (string, object)[] claims) =>
            "Bearer " + TestKeys.Mint(host.AppId!, serviceUrl: null, key: TestKeys.Unendorsed, issuer: issuer, extraClaims: Claims(claims));

        var cases = new (string Header, HttpStatusCode Expected)[]
        {
            (Emulator(v1Issuer, ("ver", "1.0"), ("appid", host.AppId!)), HttpStatusCode.OK),
            (Emulator(v2Issuer, ("ver", "2.0"), ("azp", host.AppId!)), HttpStatusCode.OK),
            (Emulator(v2Issuer, ("ver", "2.0"), ("appid", host.AppId!)), HttpStatusCode.Unauthorized),
            (Emulator(v1Issuer, ("ver", "1.0"), ("azp", host.AppId!)), HttpStatusCode.Unauthorized),
            (Emulator(v1Issuer, ("ver", "3.0"), ("appid", host.AppId!), ("azp", host.AppId!)), HttpStatusCode.Unauthorized),
        };

        foreach (var (header, expected) in cases)
        {
            var activity = host.Message("hi");
            activity.ChannelId = "emulator";
            activity.DeliveryMode = "expectReplies";
            using var response = await host.PostAsync(activity, header);
            Assert.Equal(expected, response.StatusCode);
        }

        // The same emulator token is refused by a host that did not enable the emulator path.
        using var disabled = await _host.PostAsync(_host.Message("hi"),
            "Bearer " + TestKeys.Mint(_host.AppId!, null, key: TestKeys.Unendorsed, issuer: v1Issuer, extraClaims: Claims(("ver", "1.0"), ("appid", _host.AppId!))));
        Assert.Equal(HttpStatusCode.Unauthorized, disabled.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("{\"id\":\"1\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"https://x/\"}")]
    public async Task Conformance15_MalformedJsonOrNoType_Returns400_BotNotInvoked(string body)
    {
        using var response = await _host.PostRawAsync(body, "Bearer " + _host.Token());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, _host.Probe.Turns);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Conformance16_NonPost_Returns405(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/messages");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Conformance17_HandledMessage_Returns200EmptyBody()
    {
        using var response = await _host.PostAsync(_host.Message("hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, _host.Probe.Turns);
    }

    [Fact]
    public async Task Conformance18_Invoke_ReturnsHandlerStatusAndBody_UnhandledReturns501()
    {
        using var handled = await _host.PostAsync(_host.Invoke("test/conflict"));
        using var unhandled = await _host.PostAsync(_host.Invoke("nobody/handles-this"));

        Assert.Equal(HttpStatusCode.Conflict, handled.StatusCode);
        Assert.Equal("application/json", handled.Content.Headers.ContentType?.MediaType);
        Assert.Equal("conflict", JsonDocument.Parse(await handled.Content.ReadAsStringAsync()).RootElement.GetProperty("why").GetString());
        Assert.Equal(HttpStatusCode.NotImplemented, unhandled.StatusCode);
    }

    [Fact]
    public async Task Conformance19_AdaptiveCardActionExecute_Returns200WithStatusCodeTypeValue()
    {
        using var response = await _host.PostAsync(_host.Invoke("adaptiveCard/action",
            "{\"action\":{\"type\":\"Action.Execute\",\"verb\":\"pick\",\"data\":{}},\"trigger\":\"manual\"}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        Assert.Equal("AdaptiveCard", body.GetProperty("value").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Conformance20_AdaptiveCardActionNotExecute_Returns200WithErrorBody()
    {
        using var response = await _host.PostAsync(_host.Invoke("adaptiveCard/action", "{\"action\":{\"type\":\"Action.Submit\"}}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Conformance21_ComposeExtensionQuery_ResultBodyPassedThrough()
    {
        using var response = await _host.PostAsync(_host.Invoke("composeExtension/query",
            "{\"commandId\":\"searchCerts\",\"parameters\":[{\"name\":\"initialRun\",\"value\":\"true\"}]}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var extension = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("composeExtension");
        Assert.Equal("result", extension.GetProperty("type").GetString());
        Assert.Equal("list", extension.GetProperty("attachmentLayout").GetString());
        Assert.All(extension.GetProperty("attachments").EnumerateArray(), a => Assert.True(a.TryGetProperty("preview", out _)));
    }

    [Fact]
    public async Task Conformance22_ExpectReplies_ZeroConnectorCalls_ActivitiesInSendOrder()
    {
        var activity = _host.Message("many");
        activity.DeliveryMode = "expectReplies";

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(), ProtocolJsonContext.Default.ExpectedReplies)!;
        Assert.Equal(["one", "two", "three"], replies.Activities.Select(a => a.Text));
        Assert.Empty(_host.ConnectorRequests);
        Assert.Empty(_host.Channel.TokenRequests(_host.AppId!));
    }

    [Theory]
    [InlineData("{\"type\":\"somethingNew\"}")]
    [InlineData("{\"type\":\"event\",\"name\":\"application/vnd.microsoft.unknownThing\"}")]
    [InlineData("{\"type\":\"typing\"}")]
    [InlineData("{\"type\":\"messageReaction\",\"reactionsAdded\":[{\"type\":\"like\"}]}")]
    public async Task Conformance23_UnknownTypesAndEvents_Return200(string partial)
    {
        var activity = JsonSerializer.Deserialize(partial, ProtocolJsonContext.Default.Activity)!;
        var template = _host.Message("");
        activity.Id = template.Id;
        activity.ChannelId = template.ChannelId;
        activity.ServiceUrl = template.ServiceUrl;
        activity.Conversation = template.Conversation;
        activity.From = template.From;
        activity.Recipient = template.Recipient;

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _host.Probe.Turns);
    }

    [Fact]
    public void Conformance24_UnknownJsonProperties_SurviveRoundTrip()
    {
        const string json = """
            {"type":"message","futureField":{"a":[1,2,{"b":null}]},"from":{"id":"29:x","userRole":"owner"},
             "conversation":{"id":"a:1","tenantId":"t","secretFlag":true},
             "entities":[{"type":"clientInfo","locale":"en-US","platform":"Web"}],
             "attachments":[{"contentType":"text/html","content":"<p>x</p>","extra":1}],
             "channelData":{"tenant":{"id":"t"},"custom":[1]},"value":{"deep":{"er":"x"}}}
            """;

        var activity = JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity)!;
        var written = JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);

        var before = JsonDocument.Parse(json).RootElement;
        var after = JsonDocument.Parse(written).RootElement;
        Assert.True(JsonElement.DeepEquals(before, after), written);
    }

    [Fact]
    public async Task Conformance25_RecipientMentionRemoved_OtherMentionsKept()
    {
        var activity = _host.Message("<at>CertBot</at> renew web01 for <at>Bob</at>");
        activity.Entities =
        [
            new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = activity.Recipient!.Id, Name = "CertBot" }, Text = "<at>CertBot</at>" },
            new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = "29:bob", Name = "Bob" }, Text = "<at>Bob</at>" },
        ];

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("renew web01 for <at>Bob</at>", Assert.Single(_host.Probe.Received).Text);
    }

    [Fact]
    public async Task Conformance26_BotAddedProducesOneWelcome_InstallationUpdateAddsNone()
    {
        // Protocol part only: dispatch of membersAdded (bot included) and no welcome from installationUpdate.
        // Choosing the single welcome trigger in the real bot is the host's job.
        var update = _host.Message("");
        update.Type = "conversationUpdate";
        update.Text = null;
        update.MembersAdded = [new ChannelAccount { Id = update.Recipient!.Id }];
        var install = _host.Message("");
        install.Type = "installationUpdate";
        install.Text = null;
        install.Action = "add";
        install.Conversation = update.Conversation;

        using var first = await _host.PostAsync(update);
        using var second = await _host.PostAsync(install);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(_host.ConnectorRequests, r => r.Body.Contains("\"welcome\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Conformance27_ReplyPostedToEscapedPath_FromBotToUser()
    {
        var activity = _host.Message("hello", conversationId: "19:abc@thread.v2;messageid=123");
        activity.Id = "1:xyz";

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(_host.ConnectorRequests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal($"/t/{_host.Scope}/v3/conversations/19%3Aabc%40thread.v2%3Bmessageid%3D123/activities/1%3Axyz", sent.Path);
        var reply = JsonSerializer.Deserialize(sent.Body, ProtocolJsonContext.Default.Activity)!;
        Assert.Equal(activity.Recipient!.Id, reply.From!.Id);
        Assert.Equal(activity.From!.Id, reply.Recipient!.Id);
        Assert.Equal("1:xyz", reply.ReplyToId);
        Assert.Equal("echo: hello", reply.Text);
    }

    [Fact]
    public async Task Conformance28_OutboundBearerFromMsal_MultiAndSingleTenantAuthority()
    {
        using var multi = await _host.PostAsync(_host.Message("hello"));
        await using var single = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = "11111111-2222-3333-4444-555555555555",
        });
        using var singleResponse = await single.PostAsync(single.Message("hello"));

        var multiToken = Assert.Single(_host.Channel.TokenRequests(_host.AppId!));
        Assert.Equal("/botframework.com/oauth2/v2.0/token", multiToken.Path);
        Assert.Equal("https://api.botframework.com/.default", multiToken.Form["scope"]);
        Assert.Equal("client_credentials", multiToken.Form["grant_type"]);
        Assert.StartsWith("Bearer connector-token-", Assert.Single(_host.ConnectorRequests).Authorization, StringComparison.Ordinal);
        var singleToken = Assert.Single(single.Channel.TokenRequests(single.AppId!));
        Assert.Equal("/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token", singleToken.Path);
        Assert.StartsWith("Bearer connector-token-", Assert.Single(single.ConnectorRequests).Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conformance29_SecondOutboundCall_UsesCachedToken()
    {
        using var first = await _host.PostAsync(_host.Message("one"));
        using var second = await _host.PostAsync(_host.Message("two"));

        Assert.Equal(2, _host.ConnectorRequests.Count);
        Assert.Single(_host.Channel.TokenRequests(_host.AppId!));
        Assert.Equal(_host.ConnectorRequests[0].Authorization, _host.ConnectorRequests[1].Authorization);
    }

    [Fact]
    public async Task Conformance30_RetriesThrottlingAndGatewayErrors_NotClientErrors()
    {
        var clock = new ObservableClock();
        await using var host = await BotHost.StartAsync(clock: clock);
        var connector = host.Services.GetRequiredService<ConnectorClient>();
        host.Services.GetRequiredService<TrustedServiceUrls>().TrustValidated(host.ServiceUrl);
        var serviceUrl = new Uri(host.ServiceUrl);
        var message = new Activity { Type = "message", Text = "x" };
        // The retry pipeline's wait between attempts: shorter than any timeout the host sets (5 s and up).
        static bool RetryWait(TimeSpan due) => due > TimeSpan.Zero && due < TimeSpan.FromSeconds(5);

        // 429 with Retry-After: 1 → waits exactly that second, then succeeds.
        host.Channel.ScriptConnector(host.Scope, (429, "1"));
        var waits = clock.WaitsSet;
        var sending = connector.SendToConversationAsync(serviceUrl, "a:retry-after", message);
        var wait = await clock.NextWaitAsync(RetryWait, after: waits);
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.Equal(1, host.ConnectorRequests.Count(r => r.ConversationHeader == "a:retry-after"));
        clock.Advance(wait);
        await sending.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, host.ConnectorRequests.Count(r => r.ConversationHeader == "a:retry-after"));

        foreach (var status in new[] { 412, 502, 503, 504 })
        {
            host.Channel.ScriptConnector(host.Scope, (status, null));
            waits = clock.WaitsSet;
            sending = connector.SendToConversationAsync(serviceUrl, $"a:transient-{status}", message);
            clock.Advance(await clock.NextWaitAsync(RetryWait, after: waits));
            await sending.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(2, host.ConnectorRequests.Count(r => r.ConversationHeader == $"a:transient-{status}"));
        }

        // Never retried: answered with the clock standing still.
        foreach (var status in new[] { 400, 403, 404, 413 })
        {
            host.Channel.ScriptConnector(host.Scope, (status, null));
            var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.SendToConversationAsync(serviceUrl, $"a:final-{status}", message));
            Assert.Equal((HttpStatusCode)status, error.StatusCode);
            Assert.Equal(1, host.ConnectorRequests.Count(r => r.ConversationHeader == $"a:final-{status}"));
        }

        // Bounded: 1 try + ConnectorMaxRetries (3) retries, each after its backoff, then the 429 surfaces.
        host.Channel.ScriptConnector(host.Scope, [.. Enumerable.Repeat<(int, string?)>((429, null), 10)]);
        waits = clock.WaitsSet;
        var bounded = connector.SendToConversationAsync(serviceUrl, "a:bounded", message);
        for (var retry = 1; retry <= 3; retry++)
        {
            var backoff = await clock.NextWaitAsync(RetryWait, after: waits);
            waits = clock.WaitsSet;
            clock.Advance(backoff);
        }

        await Assert.ThrowsAsync<ConnectorException>(() => bounded.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(4, host.ConnectorRequests.Count(r => r.ConversationHeader == "a:bounded"));
    }

    [Fact]
    public async Task Conformance31_OutgoingActivityOver80KB_RejectedBeforeSending()
    {
        using var response = await _host.PostAsync(_host.Message("big"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rejection = Assert.IsType<ActivityTooLargeException>(Assert.Single(_host.Probe.Caught));
        Assert.Equal(80 * 1024, rejection.LimitBytes);
        var sent = Assert.Single(_host.ConnectorRequests);
        Assert.Contains("too big", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conformance32_TokenNeverSentToUnvalidatedServiceUrl()
    {
        var connector = _host.Services.GetRequiredService<ConnectorClient>();
        // Same fake Connector, but reached through a host name no validated token vouched for.
        var untrusted = new Uri(_host.ServiceUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));

        await Assert.ThrowsAsync<ConnectorException>(() =>
            connector.SendToConversationAsync(untrusted, "a:ssrf", new Activity { Type = "message", Text = "x" }));

        Assert.Empty(_host.ConnectorRequests);
        Assert.Empty(_host.Channel.TokenRequests(_host.AppId!));
    }

    [Fact]
    public async Task Conformance33_SlowInvoke_TimesOutToErrorWithinBudget()
    {
        var clock = new ObservableClock();
        var invokeTimeout = TimeSpan.FromMilliseconds(300);
        await using var host = await BotHost.StartAsync(
            settings: new Dictionary<string, string?> { ["BotFramework:InvokeTimeout"] = invokeTimeout.ToString() }, clock: clock);

        // The bot waits 30 s on the clock; the invoke is answered when its budget ends, not a tick before.
        var posting = host.PostAsync(host.Invoke("test/slow"));
        await clock.NextWaitAsync(d => d == TimeSpan.FromSeconds(30));
        clock.Advance(invokeTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(posting.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        using var response = await posting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public void Conformance34_CardAttachmentContent_PassesThroughUnchanged()
    {
        // Card rules (version ≤ 1.5, no Media, escaping) belong to CertBot.Cards and the host; the protocol
        // layer's part is to carry the card JSON byte-for-byte in meaning.
        const string card = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"*not markdown*"}]}],"msteams":{"width":"Full"}}""";
        var activity = new Activity
        {
            Type = "message",
            Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = JsonDocument.Parse(card).RootElement }],
        };

        var written = JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);

        var content = JsonDocument.Parse(written).RootElement.GetProperty("attachments")[0].GetProperty("content");
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(card).RootElement, content));
    }
}
