using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialInnovation.Live;

/// <summary>
/// A JSON value carried as text: an envelope's payload or a catch-up's snapshot. It is serialized once,
/// where the event is made, and then crosses Orleans as one string (cheap to copy, no codec per payload
/// type) and reaches the browser as the JSON value itself, not as a quoted string, because the
/// converter writes it raw. The payload types therefore need no Orleans serializer, and a new stream
/// kind needs no change to the live path to carry its own records.
/// </summary>
[GenerateSerializer, Immutable]
[JsonConverter(typeof(RawJsonConverter))]
public sealed record RawJson([property: Id(0)] string Json)
{
    public static readonly RawJson Null = new("null");

    public static RawJson From<T>(T value) => new(JsonSerializer.Serialize(value, LiveJson.Options));

    public T Read<T>() => JsonSerializer.Deserialize<T>(Json, LiveJson.Options)!;

    public override string ToString() => Json;
}

public sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new RawJson(document.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Json, skipInputValidation: true);
}

/// <summary>The JSON shape of everything on the wire: camelCase names, enums as their names.</summary>
public static class LiveJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
