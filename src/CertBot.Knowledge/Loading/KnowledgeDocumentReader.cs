using CertBot.Knowledge.Model;
using CertBot.Text;
using YamlDotNet.RepresentationModel;

namespace CertBot.Knowledge.Loading;

/// <summary>Maps the YAML representation model of a knowledge file onto the model, reporting structural problems.</summary>
internal sealed class KnowledgeDocumentReader
{
    private readonly YamlFieldReader _r;

    public KnowledgeDocumentReader(YamlFieldReader reader)
    {
        _r = reader;
    }

    /// <summary>Reads the knowledge from the root of a file (null when the file holds no document).</summary>
    public KnowledgeBase? Read(YamlNode? node)
    {
        if (node is not YamlMappingNode root)
        {
            if (node is null)
            {
                _r.Error(YamlDotNet.Core.Mark.Empty, "The knowledge file is empty.");
            }
            else
            {
                _r.Error(node, "The knowledge file must be a mapping with credentials, courses, paths, hiringSignals and faqs.");
            }

            return null;
        }

        const string what = "the knowledge file";
        _r.RejectUnknownKeys(root, what, "version", "lastReviewed", "credentials", "courses", "paths", "hiringSignals", "faqs", "details", "typicalExperience", "matcher");
        var version = _r.RequiredString(root, "version", "version", what);
        var lastReviewed = _r.RequiredDate(root, "lastReviewed", "lastReviewed", what);
        var credentials = ReadList(root, "credentials", ReadCredential);
        var courses = ReadList(root, "courses", ReadCourse);
        var paths = ReadList(root, "paths", ReadPath);
        var signals = ReadList(root, "hiringSignals", ReadSignal);
        var faqs = ReadList(root, "faqs", ReadFaq);
        // Optional, so a file that marks nothing as missing needs no empty section; a notCovered id then fails validation as unknown.
        var details = ReadList(root, "details", ReadDetail, required: false);
        var typical = ReadTypicalExperience(root);
        var lexicon = ReadLexicon(root);
        // The endings belong to the language, the phrases to each detail: every detail matches with its language's endings.
        details = [.. details.Select(d => d with { WordEndings = lexicon.WordEndings })];
        return new KnowledgeBase(version, lastReviewed, credentials, courses, paths, signals, faqs, lexicon, details, typical);
    }

    private List<T> ReadList<T>(YamlMappingNode root, string key, Func<YamlMappingNode, string, T> read, bool required = true)
    {
        var list = new List<T>();
        foreach (var (node, path) in _r.Items(root, key, key, required, "the knowledge file"))
        {
            var mapping = _r.Mapping(node, $"each entry of '{key}'");
            if (mapping is not null)
            {
                list.Add(read(mapping, path));
            }
        }

        return list;
    }

    private Credential ReadCredential(YamlMappingNode m, string p)
    {
        var id = _r.RequiredString(m, "id", p + ".id", "a credential");
        var what = $"credential '{id}'";
        _r.RejectUnknownKeys(m, what, "id", "name", "vendor", "examCode", "kind", "level", "track", "platform", "status", "retiredOn",
            "successor", "experience", "covers", "format", "fee", "cost", "preparationTime", "officialLink", "sources", "lastVerified", "caveat",
            "notCovered", "shortName", "costShort", "preparationShort");
        var experience = ReadExperience(m, p, what);
        var (fee, cost, costShort) = ReadCost(m, p, what);
        return new Credential(
            id,
            _r.RequiredString(m, "name", p + ".name", what),
            _r.RequiredString(m, "vendor", p + ".vendor", what),
            _r.OptionalString(m, "examCode", p + ".examCode", what),
            _r.RequiredEnum(m, "kind", p + ".kind", what, WireNameTables.Kinds),
            _r.RequiredEnum(m, "level", p + ".level", what, WireNameTables.Levels),
            // Required rather than defaulted: a forgotten track must not silently make a credential recommendable.
            _r.RequiredEnum(m, "track", p + ".track", what, WireNameTables.Tracks),
            _r.RequiredEnum(m, "platform", p + ".platform", what, WireNameTables.Platforms),
            _r.RequiredEnum(m, "status", p + ".status", what, WireNameTables.Statuses),
            _r.OptionalDate(m, "retiredOn", p + ".retiredOn", what),
            _r.OptionalString(m, "successor", p + ".successor", what),
            experience,
            _r.StringList(m, "covers", p + ".covers", what, required: true),
            _r.RequiredString(m, "format", p + ".format", what),
            cost,
            _r.RequiredString(m, "preparationTime", p + ".preparationTime", what),
            _r.RequiredHttpsUrl(m, "officialLink", p + ".officialLink", what) ?? new Uri("https://invalid.example"),
            ReadSources(m, p, what),
            _r.RequiredDate(m, "lastVerified", p + ".lastVerified", what),
            _r.OptionalString(m, "caveat", p + ".caveat", what))
        {
            NotCovered = _r.StringList(m, "notCovered", p + ".notCovered", what),
            ShortName = _r.OptionalString(m, "shortName", p + ".shortName", what),
            Fee = fee,
            CostShort = costShort,
            PreparationShort = _r.OptionalString(m, "preparationShort", p + ".preparationShort", what),
        };
    }

    // The fee is a fact ("USD 200"); 'cost' is its wording, which may say "Was {fee}" or why there is none. Without
    // wording the fee is the cost, and its own short form.
    private (string? Fee, string Cost, string? CostShort) ReadCost(YamlMappingNode m, string p, string what)
    {
        var fee = _r.OptionalString(m, "fee", p + ".fee", what);
        if (fee is not null && !Credential.IsFee(fee))
        {
            _r.Error(_r.Child(m, "fee", p + ".fee")!, $"Field 'fee' in {what} must be a currency code and an amount, such as 'USD 200', not '{fee}'.");
            fee = null;
        }

        var wording = _r.OptionalString(m, "cost", p + ".cost", what);
        var costShort = _r.OptionalString(m, "costShort", p + ".costShort", what);
        if (wording is null)
        {
            if (fee is null && _r.Child(m, "fee", p + ".fee") is null)
            {
                _r.Error(_r.Child(m, "cost", p + ".cost") ?? m, _r.Missing("cost", what + " (or a 'fee')"));
            }

            return (fee, fee ?? string.Empty, costShort ?? fee);
        }

        if (fee is null && wording.Contains("{fee}", StringComparison.Ordinal))
        {
            _r.Error(_r.Child(m, "cost", p + ".cost")!, $"Field 'cost' in {what} uses {{fee}}, but the credential has no 'fee'.");
        }

        return (fee, fee is null ? wording : TemplateText.Fill(wording, ("fee", fee)), costShort);
    }

    // Read leniently (a missing section or level gives no entry); the validator then names each missing level.
    private Dictionary<CredentialLevel, decimal> ReadTypicalExperience(YamlMappingNode root)
    {
        var years = new Dictionary<CredentialLevel, decimal>();
        if (_r.Child(root, "typicalExperience", "typicalExperience") is not { } node
            || _r.Mapping(node, "'typicalExperience'") is not { } mapping)
        {
            return years;
        }

        const string what = "typicalExperience";
        _r.RejectUnknownKeys(mapping, what, [.. WireNameTables.Levels.Keys]);
        foreach (var (name, level) in WireNameTables.Levels)
        {
            if (_r.OptionalDecimal(mapping, name, what + "." + name, what) is { } value)
            {
                years[level] = value;
            }
        }

        return years;
    }

    private ExperienceRequirement ReadExperience(YamlMappingNode m, string p, string what)
    {
        var node = _r.Child(m, "experience", p + ".experience");
        if (node is null)
        {
            _r.Error(m, _r.Missing("experience", what));
            return new ExperienceRequirement(null, null, string.Empty);
        }

        var e = _r.Mapping(node, $"'experience' in {what}");
        if (e is null)
        {
            return new ExperienceRequirement(null, null, string.Empty);
        }

        var ep = p + ".experience";
        _r.RejectUnknownKeys(e, $"the experience of {what}", "mlYears", "platformYears", "description");
        return new ExperienceRequirement(
            _r.OptionalDecimal(e, "mlYears", ep + ".mlYears", what),
            _r.OptionalDecimal(e, "platformYears", ep + ".platformYears", what),
            _r.RequiredString(e, "description", ep + ".description", $"the experience of {what}"));
    }

    private List<SourceLink> ReadSources(YamlMappingNode m, string p, string what)
    {
        var sources = new List<SourceLink>();
        foreach (var (node, path) in _r.Items(m, "sources", p + ".sources", required: true, what))
        {
            var s = _r.Mapping(node, $"each source of {what}");
            if (s is null)
            {
                continue;
            }

            // 'id' names the source for the text files, which give its title by that id.
            _r.RejectUnknownKeys(s, $"a source of {what}", "id", "title", "url");
            var title = _r.RequiredString(s, "title", path + ".title", $"a source of {what}");
            // The curated article has no public address, so a source may omit its URL; a given URL must be https.
            var url = _r.Child(s, "url", path + ".url") is null
                ? null
                : _r.RequiredHttpsUrl(s, "url", path + ".url", $"a source of {what}");
            sources.Add(new SourceLink(title, url));
        }

        return sources;
    }

    private Course ReadCourse(YamlMappingNode m, string p)
    {
        var id = _r.RequiredString(m, "id", p + ".id", "a course");
        var what = $"course '{id}'";
        _r.RejectUnknownKeys(m, what, "id", "title", "provider", "rating", "teaches", "personas");
        var rating = _r.OptionalDecimal(m, "rating", p + ".rating", what);
        if (rating is null && _r.Child(m, "rating", p + ".rating") is null)
        {
            _r.Error(m, $"Missing required field 'rating' in {what}.");
        }

        var personas = ReadRoles(m, "personas", p, $"the personas of {what}", what);

        return new Course(
            id,
            _r.RequiredString(m, "title", p + ".title", what),
            _r.RequiredString(m, "provider", p + ".provider", what),
            rating ?? 0m,
            _r.RequiredString(m, "teaches", p + ".teaches", what),
            personas);
    }

    private LearningPath ReadPath(YamlMappingNode m, string p)
    {
        const string what = "a learning path";
        _r.RejectUnknownKeys(m, what, "persona", "summary", "steps", "credentialByCloud");
        var persona = _r.RequiredEnum(m, "persona", p + ".persona", what, WireNameTables.Roles);
        var steps = new List<PathStep>();
        foreach (var (node, path) in _r.Items(m, "steps", p + ".steps", required: true, what))
        {
            var s = _r.Mapping(node, "each path step");
            if (s is null)
            {
                continue;
            }

            // 'id' names the step for the text files, which give its text by that id.
            _r.RejectUnknownKeys(s, "a path step", "id", "kind", "course", "text");
            steps.Add(new PathStep(
                _r.RequiredEnum(s, "kind", path + ".kind", "a path step", WireNameTables.StepKinds),
                _r.OptionalString(s, "course", path + ".course", "a path step"),
                _r.RequiredString(s, "text", path + ".text", "a path step")));
        }

        var byCloud = new Dictionary<TargetCloud, string>();
        var cloudNode = _r.Child(m, "credentialByCloud", p + ".credentialByCloud");
        if (cloudNode is null)
        {
            _r.Error(m, $"Missing required field 'credentialByCloud' in {what}.");
        }
        else if (_r.Mapping(cloudNode, "'credentialByCloud'") is { } clouds)
        {
            foreach (var (key, value) in clouds.Children)
            {
                var cloud = _r.EnumValue(key, "'credentialByCloud'", WireNameTables.Clouds);
                var cloudPath = $"{p}.credentialByCloud.{(key as YamlScalarNode)?.Value}";
                _r.Record(cloudPath, value);
                if (value is YamlScalarNode { Value: { Length: > 0 } id } && id is not "~" and not "null")
                {
                    byCloud[cloud] = id;
                }
            }
        }

        return new LearningPath(persona, _r.RequiredString(m, "summary", p + ".summary", what), steps, byCloud);
    }

    /// <summary>A required list of persona wire names (software-engineer, data-scientist, ml-practitioner).</summary>
    private List<Role> ReadRoles(YamlMappingNode m, string key, string p, string label, string what)
    {
        var roles = new List<Role>();
        foreach (var (node, _) in _r.Items(m, key, p + "." + key, required: true, what))
        {
            roles.Add(_r.EnumValue(node, label, WireNameTables.Roles));
        }

        return roles;
    }

    private HiringSignal ReadSignal(YamlMappingNode m, string p)
    {
        var id = _r.RequiredString(m, "id", p + ".id", "a hiring signal");
        var what = $"hiring signal '{id}'";
        _r.RejectUnknownKeys(m, what, "id", "signal", "advice", "appliesTo", "requiresTargetCloud");
        var roles = ReadRoles(m, "appliesTo", p, $"'appliesTo' of {what}", what);

        return new HiringSignal(
            id,
            _r.RequiredString(m, "signal", p + ".signal", what),
            _r.RequiredString(m, "advice", p + ".advice", what),
            roles,
            _r.OptionalBool(m, "requiresTargetCloud", p + ".requiresTargetCloud", what));
    }

    private FaqEntry ReadFaq(YamlMappingNode m, string p)
    {
        var id = _r.RequiredString(m, "id", p + ".id", "an FAQ entry");
        var what = $"FAQ '{id}'";
        _r.RejectUnknownKeys(m, what, "id", "question", "title", "alternatives", "answer", "related", "relatedCredentials", "sources", "lastVerified",
            "notCovered", "versionOf", "persona", "overviewOf", "forProfile", "aboutKinds");
        return new FaqEntry(
            id,
            _r.RequiredString(m, "question", p + ".question", what),
            _r.StringList(m, "alternatives", p + ".alternatives", what),
            _r.RequiredString(m, "answer", p + ".answer", what),
            _r.StringList(m, "related", p + ".related", what),
            _r.StringList(m, "relatedCredentials", p + ".relatedCredentials", what),
            ReadSources(m, p, what),
            _r.RequiredDate(m, "lastVerified", p + ".lastVerified", what))
        {
            // Optional here so the validator can report a missing or empty title together with its length check.
            Title = _r.OptionalString(m, "title", p + ".title", what) ?? string.Empty,
            NotCovered = _r.StringList(m, "notCovered", p + ".notCovered", what),
            VersionOf = _r.OptionalString(m, "versionOf", p + ".versionOf", what),
            Persona = _r.OptionalEnum(m, "persona", p + ".persona", what, WireNameTables.Roles),
            OverviewOf = _r.StringList(m, "overviewOf", p + ".overviewOf", what),
            AboutKinds = _r.OptionalBool(m, "aboutKinds", p + ".aboutKinds", what),
            ForProfile = _r.OptionalString(m, "forProfile", p + ".forProfile", what),
        };
    }

    private DetailTopic ReadDetail(YamlMappingNode m, string p)
    {
        var id = _r.RequiredString(m, "id", p + ".id", "a detail");
        var what = $"detail '{id}'";
        _r.RejectUnknownKeys(m, what, "id", "label", "phrases", "together", "heldNowhere", "unknownExamCodes");
        return new DetailTopic(
            id,
            _r.RequiredString(m, "label", p + ".label", what),
            _r.StringList(m, "phrases", p + ".phrases", what, required: true))
        {
            HeldNowhere = _r.OptionalBool(m, "heldNowhere", p + ".heldNowhere", what),
            AskedByUnknownExamCodes = _r.OptionalBool(m, "unknownExamCodes", p + ".unknownExamCodes", what),
            Together = ReadCuePairs(m, p, what),
        };
    }

    private List<DetailCuePair> ReadCuePairs(YamlMappingNode m, string p, string what)
    {
        var pairs = new List<DetailCuePair>();
        foreach (var (item, path) in _r.Items(m, "together", p + ".together", required: false, what))
        {
            if (_r.Mapping(item, "each 'together' item") is not { } pair)
            {
                continue;
            }

            _r.RejectUnknownKeys(pair, "a 'together' item", "any", "with", "within");
            pairs.Add(new DetailCuePair(
                _r.StringList(pair, "any", path + ".any", what, required: true),
                _r.StringList(pair, "with", path + ".with", what, required: true))
            {
                MaxGap = (int)(_r.OptionalDecimal(pair, "within", path + ".within", what) ?? DetailCuePair.DefaultMaxGap),
            });
        }

        return pairs;
    }

    private MatcherLexicon ReadLexicon(YamlMappingNode root)
    {
        var node = _r.Child(root, "matcher", "matcher");
        if (node is null || _r.Mapping(node, "'matcher'") is not { } m)
        {
            return MatcherLexicon.Empty;
        }

        const string what = "'matcher'";
        _r.RejectUnknownKeys(m, what, "synonyms", "stopWords", "referringWords", "overviewWords", "askingWords", "wordEndings");
        var groups = new List<SynonymGroup>();
        foreach (var (item, path) in _r.Items(m, "synonyms", "matcher.synonyms", required: false, what))
        {
            if (_r.Mapping(item, "each synonym group") is not { } g)
            {
                continue;
            }

            _r.RejectUnknownKeys(g, "a synonym group", "canonical", "variants");
            groups.Add(new SynonymGroup(
                _r.RequiredString(g, "canonical", path + ".canonical", "a synonym group"),
                _r.StringList(g, "variants", path + ".variants", "a synonym group", required: true)));
        }

        return new MatcherLexicon(groups, _r.StringList(m, "stopWords", "matcher.stopWords", what))
        {
            ReferringWords = _r.StringList(m, "referringWords", "matcher.referringWords", what),
            OverviewWords = _r.StringList(m, "overviewWords", "matcher.overviewWords", what),
            AskingWords = _r.StringList(m, "askingWords", "matcher.askingWords", what),
            WordEndings = _r.StringList(m, "wordEndings", "matcher.wordEndings", what),
        };
    }
}
