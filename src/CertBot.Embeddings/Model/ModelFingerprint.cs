using System.Security.Cryptography;
using System.Text;
using Microsoft.ML.OnnxRuntime;

namespace CertBot.Embeddings.Model;

/// <summary>
/// The identity of what turns a text into a vector here: the model file, the tokenizer's vocabulary and input length,
/// this assembly's code (tokenizer, pooling; its module version id changes with any change to it) and the ONNX Runtime
/// build. Anything kept per text and fingerprint, such as the FAQ phrasing vectors, is stale as soon as one changes.
/// </summary>
internal static class ModelFingerprint
{
    public static string Of(string modelHash, byte[] vocabulary, int maxTokens)
    {
        var code = typeof(ModelFingerprint).Assembly.ManifestModule.ModuleVersionId;
        var runtime = typeof(InferenceSession).Assembly.GetName().Version;
        var parts = $"{MiniLmEmbeddingGenerator.ModelId}|model:{modelHash}|vocab:{Convert.ToHexString(SHA256.HashData(vocabulary))}|maxTokens:{maxTokens}|code:{code:N}|onnxruntime:{runtime}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(parts)));
    }
}
