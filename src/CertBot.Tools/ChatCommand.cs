using System.Text.Json;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.Schema;

namespace CertBot.Tools;

/// <summary>
/// 'chat': the same bot, in-process, in the terminal. Each line becomes a message activity delivered with
/// expectReplies, so replies come back from the pipeline instead of going to a channel.
/// </summary>
public static class ChatCommand
{
    private const string ExitCommand = "/quit";

    public static async Task<int> RunAsync(string[] args, IBotComposition composition, TextReader stdin, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(composition);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        await using var bot = composition.Build(args);
        var session = new ConsoleSession(bot.Adapter, stdout);

        await stdout.WriteLineAsync($"CertBot console chat. Type a message, a number to press a button, or {ExitCommand} to leave.").ConfigureAwait(false);
        await session.StartAsync().ConfigureAwait(false);
        while (true)
        {
            await stdout.WriteAsync("> ").ConfigureAwait(false);
            var line = await stdin.ReadLineAsync().ConfigureAwait(false);
            if (line is null || line.Trim().Equals(ExitCommand, StringComparison.OrdinalIgnoreCase))
            {
                return 0;
            }

            if (line.Trim().Length > 0)
            {
                await session.SayAsync(line.Trim()).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One terminal conversation: builds activities, prints replies, remembers the last card's buttons.</summary>
    private sealed class ConsoleSession(CloudAdapter adapter, TextWriter stdout)
    {
        // A fixed user id lets a dialog resume after the chat is restarted; the conversation is new each run.
        private readonly ChannelAccount _user = new() { Id = "console-user", Name = "You" };
        private readonly ChannelAccount _bot = new() { Id = "certbot", Name = "CertBot" };
        private readonly ConversationAccount _conversation = new() { Id = "console-" + Guid.NewGuid().ToString("N")[..12], ConversationType = "personal" };
        private readonly CardTextRenderer _renderer = new();

        public Task StartAsync() => SendAsync(new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [_bot, _user],
        });

        public Task SayAsync(string line)
        {
            if (int.TryParse(line, out var number) && number >= 1 && number <= _renderer.Options.Count)
            {
                var option = _renderer.Options[number - 1];
                if (option.Card is { } nested)
                {
                    return PrintCardAsync(nested);
                }

                return SendAsync(new Activity { Type = ActivityTypes.Message, Value = option.Data });
            }

            return SendAsync(new Activity { Type = ActivityTypes.Message, Text = line });
        }

        private async Task SendAsync(Activity activity)
        {
            activity.Id = Guid.NewGuid().ToString("N");
            activity.ChannelId = "console";
            activity.ServiceUrl = "http://localhost/console/";
            activity.From = _user;
            activity.Recipient = _bot;
            activity.Conversation = _conversation;
            activity.DeliveryMode = DeliveryModes.ExpectReplies;
            activity.Timestamp = DateTimeOffset.UtcNow;

            var result = await adapter.ProcessActivityAsync(activity, null, CancellationToken.None).ConfigureAwait(false);
            var first = true;
            foreach (var reply in result.Replies)
            {
                if (reply.Type != ActivityTypes.Message)
                {
                    continue;
                }

                if (first)
                {
                    _renderer.Reset();
                    first = false;
                }

                await PrintAsync(reply).ConfigureAwait(false);
            }
        }

        private async Task PrintAsync(Activity reply)
        {
            if (!string.IsNullOrWhiteSpace(reply.Text))
            {
                await stdout.WriteLineAsync("CertBot: " + reply.Text).ConfigureAwait(false);
            }

            foreach (var attachment in reply.Attachments ?? [])
            {
                if (attachment.Content is { ValueKind: JsonValueKind.Object } content)
                {
                    await PrintCardAsync(content).ConfigureAwait(false);
                }
            }
        }

        private async Task PrintCardAsync(JsonElement card)
        {
            await stdout.WriteLineAsync("+----------------------------------------").ConfigureAwait(false);
            foreach (var line in _renderer.Render(card).Split(Environment.NewLine))
            {
                await stdout.WriteLineAsync("| " + line).ConfigureAwait(false);
            }

            await stdout.WriteLineAsync("+----------------------------------------").ConfigureAwait(false);
        }
    }
}
