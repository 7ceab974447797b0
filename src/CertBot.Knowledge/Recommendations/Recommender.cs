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
        CredentialAdvice? primary = null;
        if (primaryCredential is not null)
        {
            var reason = path.Steps.Any(s => s.Kind == PathStepKind.Course)
                ? messages.Format(MessageKeys.PrimaryAfterFoundations, ("credential", primaryCredential.Name))
                : messages.Format(MessageKeys.PrimaryForCloud, ("credential", primaryCredential.Name), ("cloud", PlatformName(primaryCredential.Platform)));
            primary = new CredentialAdvice(primaryCredential, reason);
        }

        var pathCredentials = path.CredentialByCloud.Values.Select(Current).OfType<Credential>().Distinct().ToArray();
        var compare = primary is null
            ? messages.Format(MessageKeys.CompareClouds, ("options", string.Join(", ", pathCredentials.Select(c => c.Name))))
            : null;

        var courses = new List<CourseAdvice>();
        var steps = new List<string>();
        foreach (var step in path.Steps)
        {
            switch (step.Kind)
            {
                case PathStepKind.Course when step.CourseId is not null && _knowledge.FindCourse(step.CourseId) is { } course:
                    var display = messages.Format(MessageKeys.CourseStep,
                        ("title", course.Title), ("provider", course.Provider), ("rating", Number(course.Rating)));
                    courses.Add(new CourseAdvice(courses.Count + 1, course, display, step.Text));
                    steps.Add(display + ": " + step.Text);
                    break;
                case PathStepKind.Credential:
                    steps.Add(primaryCredential is null
                        ? messages.Format(MessageKeys.CredentialStepUndecided)
                        : messages.Format(MessageKeys.CredentialStep, ("credential", primaryCredential.Name)));
                    if (primaryCredential is not null)
                    {
                        steps.Add(messages.Format(MessageKeys.PreparationTime,
                            ("credential", primaryCredential.Name), ("time", primaryCredential.PreparationTime)));
                    }

                    break;
                default:
                    steps.Add(step.Text);
                    break;
            }
        }

        var readiness = new ReadinessJudge(_knowledge.TypicalMlYears)
            .Judge(_knowledge.Credentials.Where(c => c.Kind == CredentialKind.VendorExam && c.IsRecommendable), profile);

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

        return new Recommendation(profile, primary, compare, path.Summary, readiness, courses, steps, signals, retiredNotes);
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
