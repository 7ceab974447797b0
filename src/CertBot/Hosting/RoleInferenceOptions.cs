namespace CertBot.Hosting;

/// <summary>Section <c>CertBot:RoleInference</c>: the semantic fallback for job titles outside the dialog's vocabulary.</summary>
public sealed class RoleInferenceOptions
{
    /// <summary>Infer a role from the self-description when the vocabulary finds none (needs the embedding model).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Cosine similarity the nearest prototype needs.</summary>
    public float Threshold { get; set; } = 0.45f;

    /// <summary>Lead the nearest role needs over the next role.</summary>
    public float Margin { get; set; } = 0.08f;
}
