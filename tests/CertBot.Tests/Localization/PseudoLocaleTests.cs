using System.Text.Json.Nodes;
using CertBot.Knowledge.Hosting;
using CertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Tests.Localization;

/// <summary>
/// Every card and message the bot sends, through the real endpoint with Activity.Locale = qps-ploc: any text a person
/// would read that is not pseudo-localized wording or data (knowledge facts, what they typed, their name) was put
/// together in code, and fails the test with where it was seen. This is what makes a new language "add catalogues".
/// </summary>
public sealed class PseudoLocaleTests(PseudoLocaleServerFixture fixture) : IClassFixture<PseudoLocaleServerFixture>
{
    private const string UserName = "Ada";

    private static readonly string[] Roles = ["backend developer", "data scientist", "ML engineer"];
    private static readonly string[] Clouds = ["gcp", "aws", "azure", "not sure which cloud"];

    private readonly CertBotServer _server = fixture.Server;
    private readonly List<string> _typed = [UserName];
    private readonly List<string> _leaks = [];

    [Fact]
    public async Task EveryReply_PseudoLocale_ShowsOnlyCatalogueWordingAndData()
    {
        var chat = Chat();
        await Check("install", chat.InstallAsync());
        foreach (var text in new[]
        {
            "help", "compare certifications", "ask a question", "tell me a joke", "exam",
            "what's the passing score for the google ml engineer exam?", "Do I need a cert to get hired?",
            "hi", "thanks", "ok", "bye", "what did you recommend", "share my recommendation", "forget me",
        })
        {
            await Say(chat, text);
        }

        await Check("feedback", chat.SubmitAsync(new JsonObject { ["action"] = "faq-feedback", ["faqId"] = "cert-required-to-get-hired", ["helpful"] = false }));
        await Check("unknown button", chat.SubmitAsync(new JsonObject { ["action"] = "no-such-action" }));

        // The interview: prompts, acknowledgements, the recommendation, edits, the cloud-years chips, detours.
        var person = Chat();
        foreach (var text in new[] { "get a recommendation", "data scientist", "what is the aws exam like?", "3", "aws" })
        {
            await Say(person, text);
        }

        await Check("cloud years chip", person.SubmitAsync(new JsonObject { ["action"] = "profile-answer", ["slot"] = "cloudYears", ["value"] = "1.5" }));
        foreach (var text in new[] { "what about azure?", "show my result again", "share my recommendation", "compare", "hi", "start over", "banana", "banana", "banana", "help", "cancel" })
        {
            await Say(person, text);
        }

        // Every role and cloud, typed in one message.
        foreach (var role in Roles)
        {
            foreach (var cloud in Clouds)
            {
                await Say(Chat(), $"{role}, 2 years of ML, {cloud}");
            }
        }

        // Every FAQ answer.
        var knowledge = _server.Services.GetRequiredService<IKnowledgeSource>().Current;
        foreach (var entry in knowledge.Faqs)
        {
            await Check($"faq {entry.Id}", chat.SubmitAsync(new JsonObject { ["action"] = "faq-ask", ["faqId"] = entry.Id }));
        }

        // A group chat: the welcome, an interview addressed to the person, a shared card.
        var group = Chat("groupChat");
        await Check("group install", group.InstallAsync());
        await Say(group, "get a recommendation", mention: true);
        await Say(group, "data scientist, 4 years, gcp", mention: true);
        await Say(group, "share my recommendation", mention: true);

        // Teams invokes: the message extension, Action.Execute, and malformed invokes.
        foreach (var query in new[] { "data scientist 3 years gcp", "aws", "zzzz qqqq" })
        {
            _typed.Add(query);
            await CheckInvoke($"search '{query}'", "composeExtension/query", new JsonObject
            {
                ["commandId"] = "searchCertifications",
                ["parameters"] = new JsonArray(new JsonObject { ["name"] = "query", ["value"] = query }),
            });
        }

        await CheckInvoke("execute feedback", "adaptiveCard/action", Execute(new JsonObject { ["action"] = "faq-feedback", ["faqId"] = "cert-required-to-get-hired", ["helpful"] = true }));
        await CheckInvoke("execute help", "adaptiveCard/action", Execute(new JsonObject { ["action"] = "help" }));
        await CheckInvoke("not execute", "adaptiveCard/action", new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Submit", ["data"] = new JsonObject { ["action"] = "help" } } });
        await CheckInvoke("no action", "adaptiveCard/action", new JsonObject());
        await CheckInvoke("unknown data", "adaptiveCard/action", Execute(new JsonObject { ["nothing"] = 1 }));

        Assert.True(_leaks.Count == 0, "Text that did not come through a catalogue:\n" + string.Join("\n", _leaks.Distinct()));
    }

    [Fact]
    public async Task Welcome_PseudoLocale_IsTheTransformedCatalogueWording()
    {
        var replies = await Chat().InstallAsync();

        Assert.Contains(PseudoLocale.Transform("Hi, I'm CertBot"), replies.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Hi, I'm CertBot", replies.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interview_PseudoLocale_UnderstandsEnglishThroughTheFallenBackVocabulary()
    {
        // profile.dialog.qps-ploc.yaml holds wording only: the choices' synonyms fall back to English key by key.
        var replies = await Chat().SayAsync("data scientist, 4 years, aws");

        Assert.Contains(PseudoLocale.Transform("Got it: {values}.").Split("{values}")[0], replies.AllText, StringComparison.Ordinal);
        Assert.Contains(replies.Cards, card => card.ToJsonString().Contains("credential-aws-mla-c01", StringComparison.Ordinal));
    }

    private TestChat Chat(string conversationType = "personal") => new(_server, conversationType, userName: UserName, locale: PseudoLocale.Tag);

    private async Task Say(TestChat chat, string text, bool mention = false)
    {
        _typed.Add(text);
        await Check($"'{text}'", chat.SayAsync(text, mention));
    }

    private async Task Check(string step, Task<Replies> turn)
    {
        var replies = await turn;
        Assert.NotEmpty(replies.Activities);
        var audit = new CatalogueAudit(fixture.KnowledgePath, _typed);
        foreach (var text in replies.Activities.SelectMany(VisibleText.Of))
        {
            _leaks.AddRange(audit.Leaks(text).Select(leak => $"{step}: \"{leak}\" in \"{Cut(text)}\""));
        }
    }

    private async Task CheckInvoke(string step, string name, JsonObject value)
    {
        var chat = Chat();
        var activity = chat.Activity("invoke", a =>
        {
            a["name"] = name;
            a["value"] = value;
        });
        using var response = await _server.PostAsync(activity);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var audit = new CatalogueAudit(fixture.KnowledgePath, _typed);
        foreach (var text in InvokeTexts(body))
        {
            _leaks.AddRange(audit.Leaks(text).Select(leak => $"{step}: \"{leak}\" in \"{Cut(text)}\""));
        }
    }

    // What Teams shows from an invoke response: a message or error text, a card, the search results and their previews.
    private static IEnumerable<string> InvokeTexts(JsonObject body)
    {
        if (body["value"] is JsonValue message && message.TryGetValue<string>(out var text))
        {
            yield return text;
        }

        if (body["value"] is JsonObject errorValue && errorValue["message"] is JsonValue error && error.TryGetValue<string>(out var errorText))
        {
            yield return errorText;
        }

        if ((string?)body["type"] == "application/vnd.microsoft.card.adaptive")
        {
            foreach (var shown in VisibleText.InCard(body["value"]))
            {
                yield return shown;
            }
        }

        if (body["composeExtension"] is JsonObject results)
        {
            if ((string?)results["text"] is { } resultText)
            {
                yield return resultText;
            }

            foreach (var attachment in results["attachments"]?.AsArray() ?? [])
            {
                foreach (var shown in VisibleText.InCard(attachment?["content"]))
                {
                    yield return shown;
                }

                foreach (var key in new[] { "title", "text" })
                {
                    if ((string?)attachment?["preview"]?["content"]?[key] is { } preview)
                    {
                        yield return preview;
                    }
                }
            }
        }
    }

    private static string Cut(string text) => text.Length <= 160 ? text : text[..160] + "…";

    private static JsonObject Execute(JsonObject data) => new()
    {
        ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "x", ["data"] = data },
        ["trigger"] = "manual",
    };
}
