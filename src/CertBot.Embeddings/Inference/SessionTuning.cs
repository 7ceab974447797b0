using Microsoft.ML.OnnxRuntime;

namespace CertBot.Embeddings.Inference;

/// <summary>
/// ONNX Runtime settings for a bot on a small machine: each embedding runs on its caller's thread only, so
/// concurrent turns scale over cores instead of fighting over one oversubscribed pool, and idle threads do not
/// spin (spinning burns a core for milliseconds after every run and shows up as CPU cost per turn).
/// </summary>
internal static class SessionTuning
{
    public static SessionOptions CreateOptions()
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }
}
