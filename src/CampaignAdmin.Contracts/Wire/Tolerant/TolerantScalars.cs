using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignAdmin.Contracts.Wire.Tolerant;

/// <summary>A string from whatever came: text as is, a number or bool as written, an array's first string, else empty.</summary>
public sealed class TolerantStringConverter(string? nullAs) : JsonConverter<string>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
            case JsonTokenType.True:
            case JsonTokenType.False:
                return reader.GetBoolean() ? "true" : "false";
            case JsonTokenType.StartArray:
                return FirstString(ref reader) ?? nullAs ?? "";
            case JsonTokenType.StartObject:
                reader.Skip();
                return nullAs ?? "";
            default:
                return nullAs;
        }
    }

    // Go's interface{} examples are often ["summer2023"]: keep the first string, skip the rest.
    private static string? FirstString(ref Utf8JsonReader reader)
    {
        string? first = null;
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == depth))
        {
            if (reader.TokenType == JsonTokenType.String && reader.CurrentDepth == depth + 1) first ??= reader.GetString();
            else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
        }
        return first;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>An int from a number or a numeric string; anything else (or out of range) reads as 0.</summary>
public sealed class TolerantInt32Converter : JsonConverter<int>
{
    public override bool HandleNull => true;

    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TolerantNumbers.Read(ref reader) ?? 0;

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

/// <summary>An <c>int?</c>: <c>null</c> for null or anything that is not a number.</summary>
public sealed class TolerantNullableInt32Converter : JsonConverter<int?>
{
    public override bool HandleNull => true;

    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => TolerantNumbers.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        if (value is { } number) writer.WriteNumberValue(number);
        else writer.WriteNullValue();
    }
}

/// <summary>A bool from true/false, "true"/"false" or a number (non-zero is true); else false.</summary>
public sealed class TolerantBooleanConverter : JsonConverter<bool>
{
    public override bool HandleNull => true;

    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.String: return bool.TryParse(reader.GetString(), out var parsed) && parsed;
            case JsonTokenType.Number: return reader.TryGetDouble(out var number) && number != 0;
            default:
                reader.Skip();
                return false;
        }
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

internal static class TolerantNumbers
{
    public static int? Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt32(out var whole)) return whole;
                return reader.TryGetDouble(out var real) && real is >= int.MinValue and <= int.MaxValue ? (int)Math.Truncate(real) : null;
            case JsonTokenType.String:
                return int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            default:
                reader.Skip();
                return null;
        }
    }
}
