using System.Globalization;
using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Recommendations;

/// <summary>Pure advice over one knowledge snapshot: primary credential, readiness, course path, next steps.</summary>
public sealed class Recommender
{
    private readonly KnowledgeBase _knowledge;

    /// <summary>Creates a recommender over a validated knowledge snapshot.</summary>
    public Recommender(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        _knowledge = knowledge;
    }

    /// <summary>Builds the advice for <paramref name="profile"/>.</summary>
    public Recommendation Recommend(LearnerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var path = _knowledge.FindPath(profile.Role)
            ?? throw new InvalidOperationException($"The knowledge file has no path for '{profile.Role.ToWireName()}'.");
        var messages = _knowledge.Messages;

        var primaryCredential = profile.Cloud == TargetCloud.Undecided ? null : Current(path.CredentialFor(profile.Cloud));
        var readiness = new ReadinessJudge(_knowledge.TypicalMlYears)
            .Judge(_knowledge.Credentials.Where(c => c.Kind == CredentialKind.VendorExam && c.IsRecommendable), profile);
        var verdict = primaryCredential is null ? null : readiness.FirstOrDefault(r => r.Credential.Id == primaryCredential.Id);
        var hasCourses = path.Steps.Any(s => s.Kind == PathStepKind.Course);
        // The advice must agree with the verdict: only someone who meets every requirement skips the coursework.
        var ready = verdict?.Level == ReadinessLevel.Ready;

        CredentialAdvice? primary = null;
        if (primaryCredential is not null)
        {
            // The card shows the full name right above the reason, so the reason uses the short one.
            var name = ("credential", primaryCredential.ShortName ?? primaryCredential.Name);
            var reason = hasCourses && !ready
                ? messages.Format(MessageKeys.PrimaryAfterFoundations, name)
                : messages.Format(MessageKeys.PrimaryForCloud, name, ("cloud", PlatformName(primaryCredential.Platform)));
            primary = new CredentialAdvice(primaryCredential, reason);
        }

        var pathCredentials = path.CredentialByCloud.Values.Select(Current).OfType<Credential>().Distinct().ToArray();
        var compare = primary is null
            ? messages.Format(MessageKeys.CompareClouds, ("options", string.Join(", ", pathCredentials.Select(c => c.Name))))
            : null;

        var courses = new List<CourseAdvice>();
        var steps = new List<string>();
        if (verdict is not null && !ready)
        {
            steps.AddRange(GainFirst(verdict, hasCourses));
        }

        foreach (var step in path.Steps)
        {
            switch (step.Kind)
            {
                case PathStepKind.Course when step.CourseId is not null && _knowledge.FindCourse(step.CourseId) is { } course:
                    var display = messages.Format(MessageKeys.CourseStep,
                        ("title", course.Title), ("provider", course.Provider), ("rating", Number(course.Rating)));
                    courses.Add(new CourseAdvice(courses.Count + 1, course, display, step.Text));
                    if (!ready)
                    {
                        steps.Add(display + ": " + step.Text);
                    }

                    break;
                case PathStepKind.Credential:
                    if (ready && primaryCredential is not null && !path.Steps.Any(s => s.Kind == PathStepKind.Practice))
                    {
                        steps.Add(messages.Format(MessageKeys.ExamPrepStep, ("credential", primaryCredential.Name)));
                    }

                    steps.Add(primaryCredential is null
                        ? messages.Format(MessageKeys.CredentialStepUndecided)
                        : messages.Format(MessageKeys.CredentialStep, ("credential", primaryCredential.Name)));
                    if (primaryCredential is not null)
                    {
                        steps.Add(messages.Format(MessageKeys.PreparationTime,
                            ("credential", primaryCredential.Name), ("time", primaryCredential.PreparationTime)));
                    }

                    break;
                case PathStepKind.Project when ready:
                    // A portfolio project is how the unready gain experience; someone ready goes straight to the exam.
                    break;
                default:
                    steps.Add(step.Text);
                    break;
            }
        }

        var signals = _knowledge.HiringSignals
            .Where(s => s.AppliesTo.Contains(profile.Role) && (!s.RequiresTargetCloud || profile.Cloud != TargetCloud.Undecided))
            .ToArray();

        var advised = primaryCredential is null ? pathCredentials : [primaryCredential];
        // Only ML-engineering history explains a recommendation; a retired related credential is not why we advise one.
        var retiredNotes = _knowledge.Credentials
            .Where(c => c.Status == CredentialStatus.Retired && c.Track == CredentialTrack.MlEngineering
                && Current(c.Id) is { } successor && advised.Contains(successor))
            .Select(c => messages.Format(MessageKeys.RetiredSuccessor,
                ("vendor", c.Vendor),
                ("retired", c.Name),
                ("date", c.RetiredOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty),
                ("successor", Current(c.Id)!.Name)))
            .ToArray();

        // Undecided: the exam of each cloud side by side, best fit first; OrderBy is stable, so ties keep the file's order.
        var options = primaryCredential is null
            ? pathCredentials.Select(c => readiness.First(r => r.Credential.Id == c.Id)).OrderBy(r => r.Level).ToArray()
            : [];

        return new Recommendation(profile, primary, compare, Summary(path, verdict, hasCourses, ready), readiness, courses, steps, signals, retiredNotes)
        {
            CoursesOptional = ready && courses.Count > 0,
            CloudOptions = options,
        };
    }

    /// <summary>The persona's summary, unless the verdict contradicts it (a practitioner told to skip ahead who is not ready).</summary>
    private string Summary(LearningPath path, CredentialReadiness? verdict, bool hasCourses, bool ready)
    {
        var messages = _knowledge.Messages;
        if (verdict is null)
        {
            return path.Summary;
        }

        var credential = ("credential", verdict.Credential.Name);
        if (ready)
        {
            return hasCourses ? messages.Format(MessageKeys.PathReady, credential) : path.Summary;
        }

        if (hasCourses)
        {
            return path.Summary;
        }

        return verdict.Requirements.Any(r => r.Outcome == RequirementOutcome.Shortfall)
            ? messages.Format(MessageKeys.PathGainFirst, credential)
            : messages.Format(MessageKeys.PathCheck, credential, ("cloud", PlatformName(verdict.Credential.Platform)));
    }

    /// <summary>
    /// What to gain before the exam, one step per requirement that falls short. A persona with courses gains its ML
    /// experience through them, so only the platform gap gets its own step there.
    /// </summary>
    private IEnumerable<string> GainFirst(CredentialReadiness verdict, bool hasCourses)
    {
        var messages = _knowledge.Messages;
        foreach (var check in verdict.Requirements.Where(r => r.Outcome == RequirementOutcome.Shortfall))
        {
            var required = ("required", Number(check.Required));
            var actual = ("actual", Number(check.Actual ?? 0));
            if (check.Kind == RequirementKind.MlYears)
            {
                if (!hasCourses)
                {
                    yield return messages.Format(MessageKeys.GainMlYears, ("credential", verdict.Credential.Name), required, actual);
                }

                continue;
            }

            var key = check.Platform switch
            {
                CloudPlatform.Gcp => MessageKeys.GainPlatformGcp,
                CloudPlatform.Aws => MessageKeys.GainPlatformAws,
                _ => MessageKeys.GainPlatformAzure,
            };
            yield return messages.Format(key, required, actual);
        }
    }

    /// <summary>
    /// The credential itself when it can be recommended, else its newest recommendable successor; null when none is.
    /// <see cref="Credential.IsRecommendable"/> keeps related-track and unconfirmed credentials out at every hop.
    /// </summary>
    private Credential? Current(string? id)
    {
        var credential = id is null ? null : _knowledge.FindCredential(id);
        for (var hops = 0; credential is not null && !credential.IsRecommendable && hops < 8; hops++)
        {
            credential = credential.SuccessorId is null ? null : _knowledge.FindCredential(credential.SuccessorId);
        }

        return credential?.IsRecommendable == true ? credential : null;
    }

    private string PlatformName(CloudPlatform platform) => platform switch
    {
        CloudPlatform.Gcp => _knowledge.Messages.Format(MessageKeys.PlatformGcp),
        CloudPlatform.Aws => _knowledge.Messages.Format(MessageKeys.PlatformAws),
        CloudPlatform.Azure => _knowledge.Messages.Format(MessageKeys.PlatformAzure),
        _ => string.Empty,
    };

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
