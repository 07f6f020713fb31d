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
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(CampaignJson.Options)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NullableStringsStayNull } },
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
    private static void NullableStringsStayNull(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in info.Properties)
        {
            if (property.PropertyType != typeof(string) || property.CustomConverter is not null) continue;
            if (property.AttributeProvider is PropertyInfo member && Nullability.Create(member).ReadState == NullabilityState.Nullable)
                property.CustomConverter = new TolerantStringConverter(nullAs: null);
        }
    }
}
