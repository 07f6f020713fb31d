using System.Buffers;
using System.Text.Json;

namespace CampaignAdmin.E2E.Vendor;

/// <summary>
/// Writes an answer in a <see cref="GoShape"/>: the double writes its structs as <see cref="GoShape.Plain"/> does
/// (<see cref="GoStructs"/>), and this rewrites that, value for value, with the shape's names, words and number types.
/// </summary>
public static class GoShapeWriter
{
    public static byte[] Write(GoShape shape, Action<Utf8JsonWriter> writePlain)
    {
        var plain = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(plain)) writePlain(writer);
        if (!shape.CamelCaseNames && !shape.LowerCaseStatuses && !shape.NumbersAsStrings) return plain.WrittenSpan.ToArray();
        using var document = JsonDocument.Parse(plain.WrittenMemory);
        var shaped = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(shaped)) Copy(writer, document.RootElement, shape, property: null);
        return shaped.WrittenSpan.ToArray();
    }

    /// <summary>A field name as a Go struct tagged in camelCase names it: <c>ID</c> → <c>id</c>, <c>AccountID</c> → <c>accountID</c>.</summary>
    public static string Name(GoShape shape, string name) => shape.CamelCaseNames ? JsonNamingPolicy.CamelCase.ConvertName(name) : name;

    private static void Copy(Utf8JsonWriter writer, JsonElement value, GoShape shape, string? property)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var field in value.EnumerateObject())
                {
                    writer.WritePropertyName(Name(shape, field.Name));
                    Copy(writer, field.Value, shape, field.Name);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray()) Copy(writer, item, shape, property: null);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String when shape.LowerCaseStatuses && property == "Status":
                writer.WriteStringValue(value.GetString()!.ToLowerInvariant());
                break;
            case JsonValueKind.Number when shape.NumbersAsStrings:
                writer.WriteStringValue(value.GetRawText());
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
