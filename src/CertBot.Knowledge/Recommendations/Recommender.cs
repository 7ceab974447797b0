using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Recommendations;

/// <summary>
/// Pure advice over one knowledge snapshot: primary credential, readiness, course path, next steps. It returns facts
/// (credential and course ids, platforms, years), never sentences, so the host can say them in any language.
/// </summary>
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
            // "Your end goal, after the foundation courses" is for someone short of experience, not for someone whose
            // only open question is how long they have used the cloud.
            RecommendationReason reason = hasCourses && verdict?.Level is ReadinessLevel.NotYet or ReadinessLevel.Close
                ? new RecommendationReason.PrimaryAfterFoundations(primaryCredential.Id)
                : new RecommendationReason.PrimaryForCloud(primaryCredential.Id, primaryCredential.Platform);
            primary = new CredentialAdvice(primaryCredential, reason);
        }

        var pathCredentials = path.CredentialByCloud.Values.Select(Current).OfType<Credential>().Distinct().ToArray();
        var courses = new List<CourseAdvice>();
        var steps = new List<NextStep>();
        if (verdict is not null && !ready)
        {
            steps.AddRange(GainFirst(verdict, hasCourses));
        }

        foreach (var step in path.Steps)
        {
            switch (step.Kind)
            {
                case PathStepKind.Course when step.CourseId is not null && _knowledge.FindCourse(step.CourseId) is { } course:
                    courses.Add(new CourseAdvice(courses.Count + 1, course, step.Text));
                    if (!ready)
                    {
                        steps.Add(new NextStep.TakeCourse(course.Id, step.Text));
                    }

                    break;
                case PathStepKind.Credential:
                    if (ready && primaryCredential is not null && !path.Steps.Any(s => s.Kind == PathStepKind.Practice))
                    {
                        steps.Add(new NextStep.ExamPrep(primaryCredential.Id));
                    }

                    steps.Add(new NextStep.SitExam(primaryCredential?.Id));
                    if (primaryCredential is not null)
                    {
                        steps.Add(new NextStep.PreparationTime(primaryCredential.Id));
                    }

                    break;
                case PathStepKind.Project when ready:
                    // A portfolio project is how the unready gain experience; someone ready goes straight to the exam.
                    break;
                default:
                    steps.Add(new NextStep.PathStepText(step.Text));
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
            .Select(c => new RetiredNote(c.Id, c.RetiredOn, Current(c.Id)!.Id))
            .ToArray();

        // Undecided: the exam of each cloud side by side, best fit first: readiness, then the easier level (at one
        // readiness an associate exam fits better than a professional one); OrderBy is stable, so ties keep the file's order.
        var options = primaryCredential is null
            ? pathCredentials.Select(c => readiness.First(r => r.Credential.Id == c.Id))
                .OrderBy(r => r.Level).ThenBy(r => ReadinessJudge.Difficulty(r.Credential.Level)).ToArray()
            : [];

        return new Recommendation(profile, primary, Summary(path, verdict, hasCourses, ready), readiness, courses, steps, signals, retiredNotes)
        {
            CoursesOptional = ready && courses.Count > 0,
            CloudOptions = options,
        };
    }

    /// <summary>The persona's summary, unless the verdict contradicts it (a practitioner told to skip ahead who is not ready).</summary>
    private static PathAdvice Summary(LearningPath path, CredentialReadiness? verdict, bool hasCourses, bool ready)
    {
        var persona = new PathAdvice.PersonaSummary(path.Persona);
        if (verdict is null)
        {
            return persona;
        }

        var credential = verdict.Credential;
        if (ready)
        {
            return hasCourses ? new PathAdvice.Ready(credential.Id) : persona;
        }

        if (hasCourses)
        {
            return persona;
        }

        return verdict.Requirements.Any(r => r.Outcome == RequirementOutcome.Shortfall)
            ? new PathAdvice.GainFirst(credential.Id)
            : new PathAdvice.DependsOnCloudYears(credential.Id, credential.Platform);
    }

    /// <summary>
    /// What to gain before the exam, one step per requirement that falls short. A persona with courses gains its ML
    /// experience through them, so only the platform gap gets its own step there.
    /// </summary>
    private static IEnumerable<NextStep> GainFirst(CredentialReadiness verdict, bool hasCourses)
    {
        foreach (var check in verdict.Requirements.Where(r => r.Outcome == RequirementOutcome.Shortfall))
        {
            if (check.Kind == RequirementKind.MlYears)
            {
                if (!hasCourses)
                {
                    yield return new NextStep.GainMlYears(verdict.Credential.Id, check.Required, check.Actual ?? 0);
                }

                continue;
            }

            yield return new NextStep.GainPlatformYears(check.Platform, check.Required, check.Actual ?? 0);
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
}
