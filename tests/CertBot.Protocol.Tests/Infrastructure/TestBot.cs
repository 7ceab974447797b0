using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using CertBot.Protocol.Connector;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.Schema;

namespace CertBot.Protocol.Tests.Infrastructure;

public sealed class CounterState
{
    public int Count { get; set; }
}

public sealed class BulkState
{
    public string Data { get; set; } = "";
}

[JsonSerializable(typeof(CounterState))]
[JsonSerializable(typeof(BulkState))]
public sealed partial class TestStateContext : JsonSerializerContext;

/// <summary>What the test bot observed, shared across its per-turn instances.</summary>
public sealed class TestBotProbe
{
    public ConcurrentQueue<Activity> Received { get; } = new();
    public ConcurrentQueue<Exception> Caught { get; } = new();
    public ConcurrentDictionary<string, bool> FailedOnce { get; } = new();
    public int Turns => Received.Count;
}

/// <summary>A tiny bot whose behaviour is chosen by the message text or invoke name; its slow paths wait on the host's clock.</summary>
public sealed class TestBot(TestBotProbe probe, TimeProvider clock) : ActivityHandler
{
    public override Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        probe.Received.Enqueue(turnContext.Activity);
        return base.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text ?? "";
        switch (text)
        {
            case "throw":
                throw new InvalidOperationException("boom while handling a private message");
            case "count":
                var counter = turnContext.State.Conversation(TestStateContext.Default.CounterState);
                await Task.Yield();
                counter.Count++;
                break;
            case "grow":
                // Half a megabyte of state: more than a full disk's reused WAL pages can take.
                turnContext.State.Conversation(TestStateContext.Default.BulkState).Data = new string('g', 512 * 1024);
                break;
            case "user-count":
                turnContext.State.User(TestStateContext.Default.CounterState).Count++;
                break;
            case "count-reply":
                // Replies with the count this run saw: a run thrown away after a state conflict must never be heard.
                var seen = turnContext.State.Conversation(TestStateContext.Default.CounterState);
                seen.Count++;
                await Task.Yield();
                await turnContext.SendActivityAsync(new Activity { Text = "count " + seen.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken);
                break;
            case "fail-once":
                if (probe.FailedOnce.TryAdd(turnContext.Activity.Id ?? "", true))
                {
                    throw new InvalidOperationException("first delivery fails");
                }

                await turnContext.SendActivityAsync(new Activity { Text = "second delivery ran" }, cancellationToken);
                break;
            case "forget":
                turnContext.State.DeleteUser();
                turnContext.State.DeleteConversation();
                break;
            case "many":
                foreach (var word in new[] { "one", "two", "three" })
                {
                    await turnContext.SendActivityAsync(new Activity { Text = word }, cancellationToken);
                }

                break;
            case "big":
                try
                {
                    await turnContext.SendActivityAsync(new Activity { Text = new string('x', 100 * 1024) }, cancellationToken);
                }
                catch (ActivityTooLargeException ex)
                {
                    probe.Caught.Enqueue(ex);
                    await turnContext.SendActivityAsync(new Activity { Text = "too big" }, cancellationToken);
                }

                break;
            case "send-then-throw":
                await turnContext.SendActivityAsync(new Activity { Text = "partial answer" }, cancellationToken);
                throw new InvalidOperationException("failed after the first reply");
            case "type-then-throw":
                // Typing goes out at once (it changes no state); the reply after it would wait for the save.
                await turnContext.SendTypingAsync(cancellationToken);
                throw new InvalidOperationException("failed after the typing indicator");
            case "slow":
                await Task.Delay(TimeSpan.FromSeconds(30), clock, cancellationToken);
                await turnContext.SendActivityAsync(new Activity { Text = "too late" }, cancellationToken);
                break;
            case "slow-once":
                // The first delivery outlasts any turn budget; a redelivery of the same activity answers at once.
                if (probe.FailedOnce.TryAdd(turnContext.Activity.Id ?? "", true))
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), clock, cancellationToken);
                }

                await turnContext.SendActivityAsync(new Activity { Text = "second delivery ran" }, cancellationToken);
                break;
            case "typing":
                await turnContext.SendTypingAsync(cancellationToken);
                break;
            default:
                await turnContext.SendActivityAsync(new Activity { Text = "echo: " + text }, cancellationToken);
                break;
        }
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (membersAdded.Any(m => m.Id == turnContext.Activity.Recipient?.Id))
        {
            await turnContext.SendActivityAsync(new Activity { Text = "welcome" }, cancellationToken);
        }
    }

    protected override async Task<InvokeResponse> OnInvokeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        switch (activity.Name)
        {
            case "test/ok":
                return new InvokeResponse(200, JsonDocument.Parse("{\"ok\":true}").RootElement.Clone());
            case "test/conflict":
                return new InvokeResponse(409, JsonDocument.Parse("{\"why\":\"conflict\"}").RootElement.Clone());
            case "test/slow":
                await Task.Delay(TimeSpan.FromSeconds(30), clock, cancellationToken);
                return new InvokeResponse(200);
            case "test/reply":
                await turnContext.SendActivityAsync(new Activity { Text = "working on it" }, cancellationToken);
                return new InvokeResponse(200, JsonDocument.Parse("{\"done\":1}").RootElement.Clone());
            case "adaptiveCard/action":
                var type = activity.Value is { ValueKind: JsonValueKind.Object } v
                    && v.TryGetProperty("action", out var action) && action.TryGetProperty("type", out var t) ? t.GetString() : null;
                var body = type == "Action.Execute"
                    ? "{\"statusCode\":200,\"type\":\"application/vnd.microsoft.card.adaptive\",\"value\":{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[]}}"
                    : "{\"statusCode\":400,\"type\":\"application/vnd.microsoft.error\",\"value\":{\"code\":\"NotSupported\",\"message\":\"only Action.Execute\"}}";
                return new InvokeResponse(200, JsonDocument.Parse(body).RootElement.Clone());
            case "composeExtension/query":
                return new InvokeResponse(200, JsonDocument.Parse(
                    "{\"composeExtension\":{\"type\":\"result\",\"attachmentLayout\":\"list\",\"attachments\":[{\"contentType\":\"application/vnd.microsoft.card.adaptive\",\"content\":{\"type\":\"AdaptiveCard\",\"version\":\"1.5\"},\"preview\":{\"contentType\":\"application/vnd.microsoft.card.thumbnail\",\"content\":{\"title\":\"t\"}}}]}}")
                    .RootElement.Clone());
            default:
                return await base.OnInvokeAsync(turnContext, cancellationToken);
        }
    }
}
