using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace SocialInnovation.Grains.Common;

/// <summary>
/// Grain state as plain System.Text.Json: readable in the storage explorer, and free of .NET type
/// names. (Orleans' default JSON writes the runtime type of every interface-typed member, and a
/// collection expression's compiler-generated list type cannot be read back by another build.)
/// </summary>
public sealed class JsonStateSerializer : IGrainStorageSerializer
{
    /// <summary>The options, for stores outside grain storage that keep records the same way (a board's journal).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input, Options);

    public T Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>(Options)!;
}
