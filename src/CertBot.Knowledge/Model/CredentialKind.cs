namespace CertBot.Knowledge.Model;

/// <summary>Whether a credential is a proctored vendor exam or a course completion certificate.</summary>
public enum CredentialKind
{
    /// <summary>A proctored exam run by a cloud vendor.</summary>
    VendorExam,

    /// <summary>A certificate earned by finishing coursework, without a proctored exam.</summary>
    CourseCertificate,
}
