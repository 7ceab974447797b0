using System.Globalization;
using System.Text.RegularExpressions;
using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Loading;

/// <summary>Cross-entry checks on a read knowledge file: ids, references, retirement, answer budget, links, staleness.</summary>
public static partial class KnowledgeValidator
{
    /// <summary>Returns every semantic problem in <paramref name="knowledge"/>, positioned with <paramref name="map"/>.</summary>
    public static IReadOnlyList<ValidationIssue> Validate(KnowledgeBase knowledge, KnowledgeSourceMap map, KnowledgeValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(options);
        var issues = new List<ValidationIssue>();
        var check = new Checker(map, issues, options);
        check.Run(knowledge);
        return issues;
    }

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^\s*\|.*\|\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TableLine();

    [GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9]*(\s[^>]*)?/?>", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\]\(([^)\s]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownLink();

    private sealed class Checker(KnowledgeSourceMap map, List<ValidationIssue> issues, KnowledgeValidationOptions options)
    {
        private readonly DateOnly _today = DateOnly.FromDateTime(options.Clock.GetUtcNow().UtcDateTime);

        public void Run(KnowledgeBase kb)
        {
            var credentialIds = UniqueIds(kb.Credentials.Select(c => c.Id), "credentials", "credential");
            var courseIds = UniqueIds(kb.Courses.Select(c => c.Id), "courses", "course");
            var faqIds = UniqueIds(kb.Faqs.Select(f => f.Id), "faqs", "FAQ");
            UniqueIds(kb.HiringSignals.Select(s => s.Id), "hiringSignals", "hiring signal");
            var detailIds = UniqueIds(kb.Details.Select(d => d.Id), "details", "detail");

            Stale(kb.LastReviewed, "lastReviewed", "The file");
            CheckDetails(kb);
            CheckCredentials(kb, credentialIds, detailIds);
            CheckCourses(kb);
            CheckPaths(kb, courseIds);
            CheckFaqs(kb, faqIds, credentialIds, detailIds);
            CheckTypicalExperience(kb);
        }

        // Readiness estimates for credentials without published years stand on these figures, so each level needs one,
        // and a harder level must never be typically easier (it would break the rule that harder is never rated better).
        private void CheckTypicalExperience(KnowledgeBase kb)
        {
            foreach (var (name, level) in WireNameTables.Levels)
            {
                // The reader already rejects negative or non-numeric years, leaving such a level out.
                if (!kb.TypicalMlYears.ContainsKey(level))
                {
                    Error("typicalExperience", $"'typicalExperience' needs the typical ML years for level '{name}'.");
                }
            }

            (CredentialLevel Easier, CredentialLevel Harder)[] order =
            [
                (CredentialLevel.Foundational, CredentialLevel.Associate),
                (CredentialLevel.Associate, CredentialLevel.Professional),
                (CredentialLevel.Associate, CredentialLevel.Specialty),
            ];
            foreach (var (easier, harder) in order)
            {
                if (kb.TypicalMlYears.TryGetValue(easier, out var low) && kb.TypicalMlYears.TryGetValue(harder, out var high) && high < low)
                {
                    var name = WireNameTables.Levels.First(x => x.Value == harder).Key;
                    Error("typicalExperience." + name, $"Typical ML years for level '{name}' must not be below those of an easier level.");
                }
            }
        }

        private void CheckDetails(KnowledgeBase kb)
        {
            for (var i = 0; i < kb.Details.Count; i++)
            {
                var d = kb.Details[i];
                // With no phrase the host can never tell that a question asks for this detail, so it would never say "I don't have that".
                if (d.Phrases.Count == 0)
                {
                    Error(Item("details", i) + ".phrases", $"Detail '{d.Id}' has no phrases; list the words that show a question asks for it.");
                }

                // An unknown exam code declines the question whatever else it asks, which only a topic no entry holds may do.
                if (d.AskedByUnknownExamCodes && !d.HeldNowhere)
                {
                    Error(Item("details", i) + ".unknownExamCodes", $"Detail '{d.Id}' is asked by unknown exam codes but not 'heldNowhere'; only a topic no entry holds can decline such questions.");
                }
            }

            if (kb.Details.Count(d => d.AskedByUnknownExamCodes) > 1)
            {
                Error("details", "More than one detail has 'unknownExamCodes: true'; an unknown exam code can ask about one topic only.");
            }
        }

        private void CheckNotCovered(IReadOnlyList<string> notCovered, HashSet<string> detailIds, string path, string subject)
        {
            for (var n = 0; n < notCovered.Count; n++)
            {
                if (!detailIds.Contains(notCovered[n]))
                {
                    Error(Item(path, n), $"{subject} lists '{notCovered[n]}' as not covered, which is not a known detail id; add it to 'details' or fix the spelling.");
                }
            }
        }

        private void CheckCredentials(KnowledgeBase kb, HashSet<string> credentialIds, HashSet<string> detailIds)
        {
            for (var i = 0; i < kb.Credentials.Count; i++)
            {
                var c = kb.Credentials[i];
                var p = Item("credentials", i);
                if (c.Status == CredentialStatus.Retired && c.RetiredOn is null)
                {
                    Error(p + ".status", $"Credential '{c.Id}' is retired but has no 'retiredOn' date.");
                }

                if (c.Status == CredentialStatus.Retired && c.SuccessorId is null)
                {
                    Error(p + ".status", $"Credential '{c.Id}' is retired but names no 'successor'.");
                }

                if (c.Status == CredentialStatus.Active && c.RetiredOn is not null)
                {
                    Error(p + ".retiredOn", $"Credential '{c.Id}' is active but has a 'retiredOn' date; use status 'retiring' or 'retired'.");
                }

                // A date in its own field is shown as fact; an unconfirmed report belongs in the caveat, in words.
                if (c.Status == CredentialStatus.Unconfirmed && c.RetiredOn is not null)
                {
                    Error(p + ".retiredOn", $"Credential '{c.Id}' has an unconfirmed status but a 'retiredOn' date; put the reported date in the caveat instead.");
                }

                if (c.SuccessorId is { } successor)
                {
                    if (!credentialIds.Contains(successor))
                    {
                        Error(p + ".successor", $"Credential '{c.Id}' names successor '{successor}', which is not a known credential id.");
                    }
                    else if (successor == c.Id)
                    {
                        Error(p + ".successor", $"Credential '{c.Id}' names itself as its successor.");
                    }
                    else if (kb.FindCredential(successor)?.Status == CredentialStatus.Retired
                        && kb.FindCredential(successor)?.SuccessorId is null)
                    {
                        Error(p + ".successor", $"Credential '{c.Id}' names successor '{successor}', which is retired with no successor of its own.");
                    }
                }

                CheckShort(c.ShortName, p + ".shortName", c.Id, "shortName");
                CheckShort(c.CostShort, p + ".costShort", c.Id, "costShort");
                CheckShort(c.PreparationShort, p + ".preparationShort", c.Id, "preparationShort");
                if (c.IsRecommendable && (c.ShortName is null || c.CostShort is null || c.PreparationShort is null))
                {
                    Error(p, $"Credential '{c.Id}' can be recommended, so it needs shortName, costShort and preparationShort for the side-by-side table.");
                }

                CheckNotCovered(c.NotCovered, detailIds, p + ".notCovered", $"Credential '{c.Id}'");
                Stale(c.LastVerified, p + ".lastVerified", $"Credential '{c.Id}'");
            }
        }

        private void CheckCourses(KnowledgeBase kb)
        {
            for (var i = 0; i < kb.Courses.Count; i++)
            {
                var c = kb.Courses[i];
                if (c.Rating is < 0 or > 10)
                {
                    Error(Item("courses", i) + ".rating", $"Course '{c.Id}' has rating {c.Rating.ToString(CultureInfo.InvariantCulture)}; ratings are on a 0-10 scale.");
                }

                if (c.Personas.Count == 0)
                {
                    Error(Item("courses", i) + ".personas", $"Course '{c.Id}' serves no persona; list at least one of software-engineer, data-scientist, ml-practitioner.");
                }
            }
        }

        private void CheckPaths(KnowledgeBase kb, HashSet<string> courseIds)
        {
            var seen = new HashSet<Role>();
            for (var i = 0; i < kb.Paths.Count; i++)
            {
                var path = kb.Paths[i];
                var p = Item("paths", i);
                if (!seen.Add(path.Persona))
                {
                    Error(p + ".persona", $"Persona '{path.Persona.ToWireName()}' has more than one learning path.");
                }

                for (var s = 0; s < path.Steps.Count; s++)
                {
                    var step = path.Steps[s];
                    var sp = Item(p + ".steps", s);
                    if (step.Kind == PathStepKind.Course && step.CourseId is null)
                    {
                        Error(sp, "A course step must name its 'course' id.");
                    }
                    else if (step.CourseId is { } courseId)
                    {
                        if (!courseIds.Contains(courseId))
                        {
                            Error(sp + ".course", $"Path step refers to course '{courseId}', which is not a known course id.");
                        }
                        else if (kb.FindCourse(courseId) is { } course && !course.Personas.Contains(path.Persona))
                        {
                            Error(sp + ".course", $"Course '{courseId}' is on the {path.Persona.ToWireName()} path but does not list that persona.");
                        }
                    }
                }

                foreach (var (cloud, credentialId) in path.CredentialByCloud)
                {
                    var cp = $"{p}.credentialByCloud.{cloud.ToWireName()}";
                    var credential = kb.FindCredential(credentialId);
                    if (credential is null)
                    {
                        Error(cp, $"Path for '{path.Persona.ToWireName()}' points at credential '{credentialId}', which is not a known credential id.");
                    }
                    else if (credential.Status == CredentialStatus.Retired)
                    {
                        Error(cp, $"Path for '{path.Persona.ToWireName()}' recommends '{credentialId}' for {cloud.ToWireName()}, but that credential is retired.");
                    }
                    else if (credential.Track != CredentialTrack.MlEngineering)
                    {
                        Error(cp, $"Path for '{path.Persona.ToWireName()}' recommends '{credentialId}' for {cloud.ToWireName()}, but that credential is on the related track; only ml-engineering credentials are recommended.");
                    }
                    else if (credential.Status == CredentialStatus.Unconfirmed)
                    {
                        Error(cp, $"Path for '{path.Persona.ToWireName()}' recommends '{credentialId}' for {cloud.ToWireName()}, but its status is unconfirmed; recommend only a credential the vendor confirms.");
                    }
                }
            }

            foreach (var role in Enum.GetValues<Role>())
            {
                if (!seen.Contains(role))
                {
                    Error("paths", $"No learning path for persona '{role.ToWireName()}'.");
                }
            }
        }

        private void CheckFaqs(KnowledgeBase kb, HashSet<string> faqIds, HashSet<string> credentialIds, HashSet<string> detailIds)
        {
            for (var i = 0; i < kb.Faqs.Count; i++)
            {
                var f = kb.Faqs[i];
                var p = Item("faqs", i);
                CheckTitle(f, p + ".title");
                for (var r = 0; r < f.Related.Count; r++)
                {
                    if (!faqIds.Contains(f.Related[r]))
                    {
                        Error(Item(p + ".related", r), $"FAQ '{f.Id}' relates to '{f.Related[r]}', which is not a known FAQ id.");
                    }
                }

                for (var r = 0; r < f.RelatedCredentials.Count; r++)
                {
                    if (!credentialIds.Contains(f.RelatedCredentials[r]))
                    {
                        Error(Item(p + ".relatedCredentials", r), $"FAQ '{f.Id}' relates to credential '{f.RelatedCredentials[r]}', which is not a known credential id.");
                    }
                }

                if (f.Answer.Length > options.MaxAnswerChars)
                {
                    Error(p + ".answer", string.Create(CultureInfo.InvariantCulture,
                        $"FAQ '{f.Id}' has an answer of {f.Answer.Length} characters; the card budget is {options.MaxAnswerChars}."));
                }

                CheckNotCovered(f.NotCovered, detailIds, p + ".notCovered", $"FAQ '{f.Id}'");
                for (var r = 0; r < f.OverviewOf.Count; r++)
                {
                    if (!credentialIds.Contains(f.OverviewOf[r]))
                    {
                        Error(Item(p + ".overviewOf", r), $"FAQ '{f.Id}' introduces credential '{f.OverviewOf[r]}', which is not a known credential id.");
                    }
                    else if (kb.Faqs.Take(i).FirstOrDefault(o => o.OverviewOf.Contains(f.OverviewOf[r], StringComparer.Ordinal)) is { } earlier)
                    {
                        Error(Item(p + ".overviewOf", r), $"FAQ '{f.Id}' and FAQ '{earlier.Id}' both introduce credential '{f.OverviewOf[r]}'; one entry per credential.");
                    }
                }

                if (f.VersionOf is { } general && (!faqIds.Contains(general) || general == f.Id))
                {
                    Error(p + ".versionOf", $"FAQ '{f.Id}' is a version of '{general}', which is not another known FAQ id.");
                }

                CheckMarkdown(f, p + ".answer");
                Stale(f.LastVerified, p + ".lastVerified", $"FAQ '{f.Id}'");
            }
        }

        // Short forms fill table cells on a phone: a long one would break mid-word or push the card past its height budget.
        private void CheckShort(string? value, string path, string id, string field)
        {
            if (value is { Length: > Credential.MaxShortLength })
            {
                Error(path, string.Create(CultureInfo.InvariantCulture,
                    $"Credential '{id}' has a {field} of {value.Length} characters; table cells on a phone fit at most {Credential.MaxShortLength}."));
            }
        }

        // Buttons show the title, not the question, so a missing one would be a blank button and a long one a cut-off label.
        private void CheckTitle(FaqEntry f, string path)
        {
            if (f.Title.Length == 0)
            {
                Error(path, string.Create(CultureInfo.InvariantCulture,
                    $"FAQ '{f.Id}' has no title; give it a short button label of at most {FaqEntry.MaxTitleLength} characters."));
            }
            else if (f.Title.Length > FaqEntry.MaxTitleLength)
            {
                Error(path, string.Create(CultureInfo.InvariantCulture,
                    $"FAQ '{f.Id}' has a title of {f.Title.Length} characters; buttons show at most {FaqEntry.MaxTitleLength}."));
            }
        }

        private void CheckMarkdown(FaqEntry f, string path)
        {
            if (HeaderLine().IsMatch(f.Answer))
            {
                Error(path, $"FAQ '{f.Id}' uses a markdown header, which Teams cards do not render; use **bold** instead.");
            }

            if (TableLine().IsMatch(f.Answer))
            {
                Error(path, $"FAQ '{f.Id}' uses a markdown table, which Teams cards do not render; use a list instead.");
            }

            if (HtmlTag().IsMatch(f.Answer))
            {
                Error(path, $"FAQ '{f.Id}' contains HTML, which Teams cards do not render.");
            }

            foreach (Match link in MarkdownLink().Matches(f.Answer))
            {
                if (!YamlFieldReader.TryHttpsUrl(link.Groups[1].Value, out _))
                {
                    Error(path, $"FAQ '{f.Id}' links to '{link.Groups[1].Value}', which is not an absolute https URL.");
                }
            }
        }

        private HashSet<string> UniqueIds(IEnumerable<string> ids, string section, string what)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var id in ids)
            {
                if (id.Length > 0 && !set.Add(id))
                {
                    Error(Item(section, index) + ".id", $"Duplicate {what} id '{id}'; ids must be unique.");
                }

                index++;
            }

            return set;
        }

        private void Stale(DateOnly date, string path, string subject)
        {
            if (date == default)
            {
                return;
            }

            var age = _today.DayNumber - date.DayNumber;
            if (age > options.StaleAfterDays)
            {
                Add(ValidationSeverity.Warning, path, string.Create(CultureInfo.InvariantCulture,
                    $"{subject} was last verified on {date:yyyy-MM-dd}, {age} days ago (limit {options.StaleAfterDays}); re-check its facts."));
            }
        }

        private static string Item(string path, int index) =>
            string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

        private void Error(string path, string message) => Add(ValidationSeverity.Error, path, message);

        private void Add(ValidationSeverity severity, string path, string message)
        {
            var at = map.Find(path);
            issues.Add(new ValidationIssue(severity, at.File ?? map.File, at.Line, at.Column, message));
        }
    }
}
