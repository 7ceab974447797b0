namespace CertBot.Knowledge.Model;

/// <summary>Keys of the sentence templates the recommender needs, and the placeholders each must contain.</summary>
public static class MessageKeys
{
    /// <summary>A retired credential and its successor: {vendor}, {retired}, {date}, {successor}.</summary>
    public const string RetiredSuccessor = "retiredSuccessor";

    /// <summary>Why the primary credential was chosen for a named cloud: {credential}, {cloud}.</summary>
    public const string PrimaryForCloud = "primaryForCloud";

    /// <summary>Primary reason when the persona should build foundations first: {credential}.</summary>
    public const string PrimaryAfterFoundations = "primaryAfterFoundations";

    /// <summary>Advice when no target cloud is chosen: {options}.</summary>
    public const string CompareClouds = "compareClouds";

    /// <summary>A course step: {title}, {provider}, {rating}.</summary>
    public const string CourseStep = "courseStep";

    /// <summary>The credential step of a path: {credential}.</summary>
    public const string CredentialStep = "credentialStep";

    /// <summary>The credential step when no cloud is chosen.</summary>
    public const string CredentialStepUndecided = "credentialStepUndecided";

    /// <summary>Preparation time hint: {credential}, {time}.</summary>
    public const string PreparationTime = "preparationTime";

    /// <summary>The path for someone who already meets the primary credential's experience: {credential}.</summary>
    public const string PathReady = "pathReady";

    /// <summary>The path for an experienced person still short of what the credential expects: {credential}.</summary>
    public const string PathGainFirst = "pathGainFirst";

    /// <summary>The path for an experienced person whose years on the cloud are not known yet: {credential}, {cloud}.</summary>
    public const string PathCheck = "pathCheck";

    /// <summary>The exam-preparation step for someone ready to skip the coursework: {credential}.</summary>
    public const string ExamPrepStep = "examPrepStep";

    /// <summary>What to gain first when ML years fall short: {credential}, {required}, {actual}.</summary>
    public const string GainMlYears = "gainMlYears";

    /// <summary>What to gain first when years on Google Cloud fall short: {required}, {actual}.</summary>
    public const string GainPlatformGcp = "gainPlatformGcp";

    /// <summary>What to gain first when years on AWS fall short: {required}, {actual}.</summary>
    public const string GainPlatformAws = "gainPlatformAws";

    /// <summary>What to gain first when years on Azure fall short: {required}, {actual}.</summary>
    public const string GainPlatformAzure = "gainPlatformAzure";

    /// <summary>Display name of Google Cloud.</summary>
    public const string PlatformGcp = "platformGcp";

    /// <summary>Display name of AWS.</summary>
    public const string PlatformAws = "platformAws";

    /// <summary>Display name of Azure.</summary>
    public const string PlatformAzure = "platformAzure";

    /// <summary>Every key with its required placeholders; the validator checks the file against this table.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Required { get; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [RetiredSuccessor] = ["{vendor}", "{retired}", "{date}", "{successor}"],
            [PrimaryForCloud] = ["{credential}", "{cloud}"],
            [PrimaryAfterFoundations] = ["{credential}"],
            [CompareClouds] = ["{options}"],
            [CourseStep] = ["{title}", "{provider}", "{rating}"],
            [CredentialStep] = ["{credential}"],
            [CredentialStepUndecided] = [],
            [PreparationTime] = ["{credential}", "{time}"],
            [PathReady] = ["{credential}"],
            [PathGainFirst] = ["{credential}"],
            [PathCheck] = ["{credential}", "{cloud}"],
            [ExamPrepStep] = ["{credential}"],
            [GainMlYears] = ["{credential}", "{required}", "{actual}"],
            [GainPlatformGcp] = ["{required}", "{actual}"],
            [GainPlatformAws] = ["{required}", "{actual}"],
            [GainPlatformAzure] = ["{required}", "{actual}"],
            [PlatformGcp] = [],
            [PlatformAws] = [],
            [PlatformAzure] = [],
        };
}
