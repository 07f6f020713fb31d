using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignAdmin.Contracts.Wire.Tolerant;

/// <summary>A time field read tolerantly; a time written without an offset is taken to be in <c>assumedZone</c>.</summary>
public sealed class WireTimeConverter(TimeZoneInfo assumedZone, string? nullAs) : JsonConverter<string>
{
    private readonly TolerantStringConverter _text = new(nullAs);

    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = _text.Read(ref reader, typeToConvert, options);
        return string.IsNullOrEmpty(text) ? text : WithOffset(text, assumedZone);
    }

    /// <summary>
    /// The time with the zone's offset (RFC 3339: "2025-03-03T11:32:25+03:00", "…Z" in UTC), or the text unchanged when it
    /// already has one or is no time. The wall time stays as the API wrote it, so the edit dialog opens it in that zone.
    /// </summary>
    public static string WithOffset(string text, TimeZoneInfo zone)
    {
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var local) || local.Kind != DateTimeKind.Unspecified)
            return text;
        var offset = zone.IsInvalidTime(local) ? zone.BaseUtcOffset : zone.GetUtcOffset(local);
        var time = new DateTimeOffset(local, offset);
        return offset == TimeSpan.Zero ? WireTime.Format(time) : time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFzzz", CultureInfo.InvariantCulture);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
