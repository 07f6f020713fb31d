using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CampaignAdmin.Contracts.Wire.Tolerant;

/// <summary>
/// The options a client reads a Campaign API's answers with (docs/WIRE.md, "Tolerant reading"). A vendor written in Go
/// with untagged structs writes nil lists as <c>null</c>, types some fields <c>interface{}</c> or as a struct, and may
/// leave fields out. Reading never throws on shape: a list may be <c>null</c>, missing or not a list (read as empty);
/// a string may arrive as a number, a bool, an array of strings (its first) or an object (ignored); a number may arrive
/// as a string; an item of a list that cannot be read at all is dropped, not the list. Only JSON that does not parse
/// fails. Requests are still read strictly by the API itself (<see cref="CampaignJson.Options"/>).
/// </summary>
public static class TolerantJson
{
    /// <summary>Times without an offset read as UTC.</summary>
    public static JsonSerializerOptions Options { get; } = Create(TimeZoneInfo.Utc);

    /// <summary>
    /// Options that read a time without an offset (<c>2025-03-03 11:32:25</c>, a <c>…At</c> field) as a time in
    /// <paramref name="assumedZone"/> (<c>CampaignApi:TimeZone</c>) and hand it on with its offset, so every page, export
    /// and dialog shows the same instant, never this server's local time.
    /// </summary>
    public static JsonSerializerOptions Create(TimeZoneInfo assumedZone)
    {
        var options = new JsonSerializerOptions(CampaignJson.Options)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { info => Tolerate(info, assumedZone) } },
        };
        options.Converters.Add(new TolerantStringConverter(nullAs: ""));
        options.Converters.Add(new TolerantInt32Converter());
        options.Converters.Add(new TolerantNullableInt32Converter());
        options.Converters.Add(new TolerantBooleanConverter());
        options.Converters.Add(new TolerantListConverterFactory());
        options.MakeReadOnly();
        return options;
    }

    private static readonly NullabilityInfoContext Nullability = new();

    // A string the contract declares `string?` (e.g. SentAt) keeps null for "not sent"; every other string reads null as "".
    // A string named …At is a time: one without an offset is read in the assumed zone.
    private static void Tolerate(JsonTypeInfo info, TimeZoneInfo assumedZone)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in info.Properties)
        {
            if (property.PropertyType != typeof(string) || property.CustomConverter is not null) continue;
            var nullable = property.AttributeProvider is PropertyInfo member && Nullability.Create(member).ReadState == NullabilityState.Nullable;
            var nullAs = nullable ? null : "";
            if (property.Name.EndsWith("At", StringComparison.Ordinal)) property.CustomConverter = new WireTimeConverter(assumedZone, nullAs);
            else if (nullable) property.CustomConverter = new TolerantStringConverter(nullAs);
        }
    }
}
