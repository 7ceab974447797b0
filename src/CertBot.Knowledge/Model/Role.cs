namespace CertBot.Knowledge.Model;

/// <summary>The learner personas the article distinguishes; wire names via <see cref="LearnerWireNames"/>.</summary>
public enum Role
{
    /// <summary>A software engineer who is new to machine learning.</summary>
    SoftwareEngineer,

    /// <summary>A data scientist moving into ML engineering.</summary>
    DataScientist,

    /// <summary>Someone already working in ML who wants a credential.</summary>
    MlPractitioner,
}
