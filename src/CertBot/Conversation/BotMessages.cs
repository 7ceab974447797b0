using CertBot.Cards;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CertBot.Conversation;

/// <summary>Everything CertBot says outside the profile dialog and knowledge answers in one language, read from dialogs/messages.{locale}.yaml.</summary>
public sealed class BotMessages
{
    public WelcomeMessages Welcome { get; init; } = new();
    public AskMessages Ask { get; init; } = new();
    public FaqMessages Faq { get; init; } = new();
    public DidYouMeanMessages DidYouMean { get; init; } = new();
    public OutOfScopeMessages OutOfScope { get; init; } = new();
    public RecommendationMessages Recommendation { get; init; } = new();
    public ComparisonMessages Comparison { get; init; } = new();
    public ShareMessages Share { get; init; } = new();
    public ChannelMessages Channel { get; init; } = new();
    public IntentPhrases Intents { get; init; } = new();
    public SmallTalkMessages SmallTalk { get; init; } = new();
    public ResultMessages Result { get; init; } = new();
    public NotHeldMessages NotHeld { get; init; } = new();
    public InvokeMessages Invoke { get; init; } = new();
    public ForgetMessages Forget { get; init; } = new();
    public ErrorMessages Errors { get; init; } = new();
    public MessageExtensionMessages MessageExtension { get; init; } = new();
    public TextFormats Format { get; init; } = new();

    /// <summary>Each <see cref="Features.ICardFeature"/>'s wording, under its name; read with <see cref="Feature"/>.</summary>
    public Dictionary<string, Dictionary<string, object>> Features { get; init; } = [];

    /// <summary>The wording of one feature (<c>features.{name}</c>).</summary>
    /// <exception cref="InvalidDataException">The catalogue has no section for the feature.</exception>
    public FeatureWording Feature(string name) =>
        Features.TryGetValue(name, out var section)
            ? new FeatureWording(name, section)
            : throw new InvalidDataException($"messages: no wording for feature '{name}' (features.{name})");

    /// <summary>Reads and checks one complete catalogue file; a missing or empty entry is an error that names its key.</summary>
    public static BotMessages Load(string path) => Load([path]);

    /// <summary>
    /// Reads a catalogue laid from per-locale files, English first (<c>messages.en.yaml</c>, then for example
    /// <c>messages.fr.yaml</c>): each later file sets only the wording it translates and the rest falls back. The
    /// layered whole must be complete; a missing or empty entry is an error that names its key.
    /// </summary>
    public static BotMessages Load(IReadOnlyList<string> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var source = string.Join(" over ", layers.Reverse());
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build();
        BotMessages messages;
        try
        {
            var text = layers.Count == 1 ? File.ReadAllText(layers[0]) : YamlLayers.ToText(YamlLayers.Load(layers));
            messages = deserializer.Deserialize<BotMessages?>(text) ?? new BotMessages();
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            // With one file the position is in it; with layers it names the key path, which is the same in every file.
            throw new InvalidDataException(layers.Count == 1 ? $"{source}:{ex.Start.Line}:{ex.Start.Column}: {ex.Message}" : $"{source}: {ex.Message}", ex);
        }

        var missing = new List<string>();
        CollectMissing(messages, "", missing);
        missing.AddRange(messages.Intents.Where(intent => intent.Value is not { Count: > 0 }).Select(intent => $"intents.{intent.Key}"));
        missing.AddRange(messages.Features.SelectMany(feature => FeatureWording.MissingIn(feature.Key, feature.Value)));
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{source}: missing or empty message(s): {string.Join(", ", missing)}");
        }

        return messages;
    }

    // Walks the tree once at start-up so a missing sentence fails loudly then, not in front of a user.
    private static void CollectMissing(object node, string prefix, List<string> missing)
    {
        foreach (var property in node.GetType().GetProperties())
        {
            var value = property.GetValue(node);
            var key = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            switch (value)
            {
                case string text when string.IsNullOrWhiteSpace(text):
                    missing.Add(key);
                    break;
                case string:
                    break;
                case IReadOnlyDictionary<string, string> map when map.Count == 0:
                    missing.Add(key);
                    break;
                case IReadOnlyList<string> list when list.Count == 0:
                    missing.Add(key);
                    break;
                case null:
                    missing.Add(key);
                    break;
                case System.Collections.IEnumerable:
                    break;
                default:
                    CollectMissing(value, key, missing);
                    break;
            }
        }
    }
}

/// <summary>Welcome card wording.</summary>
public sealed class WelcomeMessages
{
    public string Title { get; init; } = "";
    public string Text { get; init; } = "";
    public string GroupText { get; init; } = "";
    public WelcomeButtons Buttons { get; init; } = new();
}

/// <summary>Titles of the welcome card's buttons.</summary>
public sealed class WelcomeButtons
{
    public string Recommend { get; init; } = "";
    public string Compare { get; init; } = "";
    public string Ask { get; init; } = "";
}

/// <summary>The "ask a question" prompt.</summary>
public sealed class AskMessages
{
    public string Text { get; init; } = "";
}

/// <summary>FAQ answer card wording.</summary>
public sealed class FaqMessages
{
    public string SourceLabel { get; init; } = "";
    public string LastCheckedLabel { get; init; } = "";
    public string RelatedLabel { get; init; } = "";
    public string ReadMore { get; init; } = "";
    public string SourcesLine { get; init; } = "";
    public string FeedbackQuestion { get; init; } = "";
    public string Helpful { get; init; } = "";
    public string NotHelpful { get; init; } = "";
    public string FeedbackThanks { get; init; } = "";
    public string FeedbackSorry { get; init; } = "";
    public string ForYourCloud { get; init; } = "";
    public string ForYourRole { get; init; } = "";
}

/// <summary>Did-you-mean card wording.</summary>
public sealed class DidYouMeanMessages
{
    public string Text { get; init; } = "";
    public string None { get; init; } = "";
}

/// <summary>What CertBot says when a question is outside its knowledge.</summary>
public sealed class OutOfScopeMessages
{
    public string Text { get; init; } = "";
    public OutOfScopeSuggestions Suggestions { get; init; } = new();
}

/// <summary>Buttons offered with the out-of-scope answer.</summary>
public sealed class OutOfScopeSuggestions
{
    public string Recommend { get; init; } = "";
    public string Compare { get; init; } = "";
}

/// <summary>Recommendation card wording.</summary>
public sealed class RecommendationMessages
{
    public string Title { get; init; } = "";
    public string ForPerson { get; init; } = "";
    public string ProfileLine { get; init; } = "";
    public string ProfileLineCloudYears { get; init; } = "";
    public string PrimaryLabel { get; init; } = "";
    public string NoPrimary { get; init; } = "";
    public string ReadinessLabel { get; init; } = "";
    public string CloudYearsQuestion { get; init; } = "";
    public Dictionary<string, string> CloudYearsChips { get; init; } = [];
    public string NextStepsLabel { get; init; } = "";
    public string Details { get; init; } = "";
    public string PathLabel { get; init; } = "";
    public string CoursesLabel { get; init; } = "";
    public string OptionalCoursesLabel { get; init; } = "";
    public string AboutLabel { get; init; } = "";
    public string OtherExamsLabel { get; init; } = "";
    public string ExperienceLabel { get; init; } = "";
    public string FocusLabel { get; init; } = "";
    public string FormatLabel { get; init; } = "";
    public string CostLabel { get; init; } = "";
    public string PrepLabel { get; init; } = "";
    public string CheckedLine { get; init; } = "";
    public string Rating { get; init; } = "";
    public string HiringLabel { get; init; } = "";
    public string RetiredLabel { get; init; } = "";
    public string Share { get; init; } = "";
    public string StartOver { get; init; } = "";
    public string CompareAll { get; init; } = "";
    public string GetMine { get; init; } = "";
    public string SharedBy { get; init; } = "";
    public ReadinessWords Readiness { get; init; } = new();
    public RequirementWords Requirement { get; init; } = new();
    public AdviceWords Advice { get; init; } = new();
    public UndecidedWords Undecided { get; init; } = new();
    public Dictionary<string, string> Levels { get; init; } = [];
    public Dictionary<string, string> Roles { get; init; } = [];
    public Dictionary<string, string> Clouds { get; init; } = [];
}

/// <summary>The recommender's facts in words: why the credential, the path, each step, each retired exam.</summary>
public sealed class AdviceWords
{
    public string PrimaryForCloud { get; init; } = "";
    public string PrimaryAfterFoundations { get; init; } = "";
    public string PathReady { get; init; } = "";
    public string PathGainFirst { get; init; } = "";
    public string PathCheck { get; init; } = "";
    public string CourseStep { get; init; } = "";
    public string CourseStepInFull { get; init; } = "";
    public string CredentialStep { get; init; } = "";
    public string CredentialStepUndecided { get; init; } = "";
    public string PreparationTime { get; init; } = "";
    public string ExamPrepStep { get; init; } = "";
    public string GainMlYears { get; init; } = "";

    /// <summary>What to gain first when years on a platform fall short, by platform (gcp, aws, azure): {required}, {actual}.</summary>
    public Dictionary<string, string> GainPlatform { get; init; } = [];
    public string RetiredSuccessor { get; init; } = "";
    public string CourseLine { get; init; } = "";
    public string HiringLine { get; init; } = "";
    public string Fallback { get; init; } = "";
    public string Speak { get; init; } = "";
}

/// <summary>How pieces of wording are put together (markup, separators, list markers), per language.</summary>
public sealed class TextFormats
{
    public string Bold { get; init; } = "";
    public string TitleWithCode { get; init; } = "";
    public string WithVendor { get; init; } = "";
    public string ListSeparator { get; init; } = "";
    public string FallbackSeparator { get; init; } = "";
    public string Bullet { get; init; } = "";
    public string Numbered { get; init; } = "";
    public string Marked { get; init; } = "";
    public string TapRow { get; init; } = "";
    public string Addressed { get; init; } = "";
    public string WithChoices { get; init; } = "";
    public string ChoiceSeparator { get; init; } = "";
    public string Link { get; init; } = "";
    public string Labelled { get; init; } = "";
    public string WithLink { get; init; } = "";
    public string Then { get; init; } = "";
    public string SentenceThen { get; init; } = "";

    /// <summary>Two pieces of text one after the other.</summary>
    public string Join(string first, string second) => TemplateText.Fill(Then, ("first", first), ("second", second));

    /// <summary>Markdown lines, each as one bullet.</summary>
    public string Bullets(IEnumerable<string> items) => string.Join("\r", items.Select(item => TemplateText.Fill(Bullet, ("item", item))));

    /// <summary>Markdown lines numbered from <paramref name="first"/>.</summary>
    public string NumberedLines(IEnumerable<string> items, int first) =>
        string.Join("\r", items.Select((item, index) => TemplateText.Fill(Numbered, ("number", (first + index).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("item", item))));

    /// <summary>Emphasised text.</summary>
    public string Strong(string text) => TemplateText.Fill(Bold, ("text", text));
}

/// <summary>The decision aid for someone who has not picked a cloud.</summary>
public sealed class UndecidedWords
{
    public string Intro { get; init; } = "";
    public string ExamColumn { get; init; } = "";
    public string ReadinessColumn { get; init; } = "";
    public string PrepColumn { get; init; } = "";
    public string CostColumn { get; init; } = "";
    public string EmployerTitle { get; init; } = "";
    public string EmployerTips { get; init; } = "";
}

/// <summary>The badge of each readiness level.</summary>
public sealed class ReadinessWords
{
    public ReadinessBadge Ready { get; init; } = new();
    public ReadinessBadge Close { get; init; } = new();
    public ReadinessBadge NotYet { get; init; } = new();
    public ReadinessBadge Check { get; init; } = new();
}

/// <summary>A readiness badge's wording and its Adaptive Card text colour name (good, warning, attention, default).</summary>
public sealed class ReadinessBadge
{
    public string Text { get; init; } = "";
    public string Color { get; init; } = "";

    /// <summary>The colour; an unknown name fails loudly (a test loads the real file) rather than rendering uncoloured.</summary>
    public AdaptiveTextColor ToTextColor() =>
        Enum.TryParse<AdaptiveTextColor>(Color, ignoreCase: true, out var color) && Enum.IsDefined(color)
            ? color
            : throw new InvalidDataException($"Unknown readiness colour '{Color}'.");
}

/// <summary>Templates that turn one requirement check into a line on the card.</summary>
public sealed class RequirementWords
{
    /// <summary>Published ML years: {actual}, {required}.</summary>
    public string MlYears { get; init; } = "";

    /// <summary>ML years estimated from the credential's level: {actual}, {required}.</summary>
    public string MlYearsEstimate { get; init; } = "";

    /// <summary>Years on the platform: {platform}, {actual}, {required}.</summary>
    public string PlatformYears { get; init; } = "";

    /// <summary>Years on the platform not given: {platform}, {required}.</summary>
    public string PlatformYearsUnknown { get; init; } = "";

    /// <summary>Capped by an easier credential on the same cloud: {credential}.</summary>
    public string LimitedBy { get; init; } = "";

    /// <summary>Marks a requirement the person meets.</summary>
    public string MetMark { get; init; } = "";

    /// <summary>Marks a requirement the person falls short of.</summary>
    public string ShortMark { get; init; } = "";

    /// <summary>Marks a requirement the profile cannot be judged against yet.</summary>
    public string UnknownMark { get; init; } = "";
}

/// <summary>Comparison card wording.</summary>
public sealed class ComparisonMessages
{
    public string Title { get; init; } = "";
    public string Text { get; init; } = "";
    public string Retired { get; init; } = "";
    public string Successor { get; init; } = "";
    public string RetiredReplaced { get; init; } = "";
    public string RetiredLine { get; init; } = "";
    public string Fallback { get; init; } = "";
    public string Active { get; init; } = "";
    public string Retiring { get; init; } = "";
    public string CurrentLabel { get; init; } = "";
    public string RelatedLabel { get; init; } = "";
    public string RetiredLabel { get; init; } = "";
    public string Unconfirmed { get; init; } = "";
    public string Summary { get; init; } = "";
    public string RelatedSummary { get; init; } = "";
    public string Official { get; init; } = "";
    public string Expand { get; init; } = "";
}

/// <summary>Wording around sharing cards with colleagues.</summary>
public sealed class ShareMessages
{
    public string GroupPosted { get; init; } = "";
    public string PersonalHint { get; init; } = "";
    public string ForwardText { get; init; } = "";
}

/// <summary>Wording for recommendations asked for in group chats and channels.</summary>
public sealed class ChannelMessages
{
    public string AnonymousName { get; init; } = "";
    public string MovedToPersonal { get; init; } = "";
    public string PersonalIntro { get; init; } = "";
    public string KeepShort { get; init; } = "";
}

/// <summary>
/// Phrases that open a built-in intent (ask, share, result, small talk) or a feature (under its name, such as compare
/// and help) directly, and the filler words dropped before matching, by key: a feature adds its key without code here.
/// </summary>
public sealed class IntentPhrases : Dictionary<string, List<string>>
{
    public IntentPhrases()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>The phrases under one key.</summary>
    /// <exception cref="InvalidDataException">The catalogue has no phrases under that key.</exception>
    public IReadOnlyList<string> Of(string key) =>
        TryGetValue(key, out var phrases) && phrases.Count > 0
            ? phrases
            : throw new InvalidDataException($"messages: missing or empty message(s): intents.{key}");
}

/// <summary>Short replies to small talk, each followed by the next useful action.</summary>
public sealed class SmallTalkMessages
{
    public string Greeting { get; init; } = "";
    public string Thanks { get; init; } = "";
    public string Bye { get; init; } = "";
    public string Acknowledge { get; init; } = "";
    public string NextIdle { get; init; } = "";
    public string NextActive { get; init; } = "";
    public string NextComplete { get; init; } = "";
}

/// <summary>Wording around showing the last recommendation again.</summary>
public sealed class ResultMessages
{
    public string None { get; init; } = "";
    public string Again { get; init; } = "";
}

/// <summary>The honest reply to a question about a detail the knowledge does not hold.</summary>
public sealed class NotHeldMessages
{
    public string Text { get; init; } = "";
    public string AnyCredential { get; init; } = "";
    public string Nowhere { get; init; } = "";
    public string Link { get; init; } = "";
}

/// <summary>"Forget me" confirmation.</summary>
public sealed class ForgetMessages
{
    public string Done { get; init; } = "";
}

/// <summary>What users see when something fails.</summary>
public sealed class ErrorMessages
{
    public string Apology { get; init; } = "";
    public string UnknownAction { get; init; } = "";
}

/// <summary>Message extension wording.</summary>
public sealed class MessageExtensionMessages
{
    public string NoResults { get; init; } = "";
    public string RecommendationTitle { get; init; } = "";

    /// <summary>Search words by platform wire name (gcp, aws, azure).</summary>
    public Dictionary<string, string> PlatformWords { get; init; } = [];

    /// <summary>Phrases of a credential's search text (normalised) and what they are searched as, so a short word finds them.</summary>
    public Dictionary<string, string> AlsoFoundBy { get; init; } = [];
}

/// <summary>Transient texts returned to Action.Execute invokes.</summary>
public sealed class InvokeMessages
{
    public string Done { get; init; } = "";
    public string MissingAction { get; init; } = "";
    public string NotSupported { get; init; } = "";
    public string UnknownData { get; init; } = "";
}
