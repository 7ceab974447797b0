namespace CertBot.Knowledge.Model;

/// <summary>What a step on a learning path asks the learner to do.</summary>
public enum PathStepKind
{
    /// <summary>Take a course from the catalogue.</summary>
    Course,

    /// <summary>Build something hands-on.</summary>
    Project,

    /// <summary>Study with the vendor's exam guide and practice tests.</summary>
    Practice,

    /// <summary>Sit the vendor exam for the target cloud.</summary>
    Credential,
}
