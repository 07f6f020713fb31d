using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignAdmin.Contracts.Wire;

/// <summary>
/// A list as the vendor may send it: a bare array, an object wrapping the array
/// (<c>{"Campaigns":[…]}</c>, <c>{"data":[…]}</c>) or <c>null</c>.
/// </summary>
[JsonConverter(typeof(WireListConverterFactory))]
public sealed class WireList<T>
{
    public WireList(IReadOnlyList<T> items) => Items = items;

    public IReadOnlyList<T> Items { get; }
}

public sealed class WireListConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(WireList<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(
            typeof(WireListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class WireListConverter<T> : JsonConverter<WireList<T>>
    {
        public override bool HandleNull => true;

        public override WireList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return new WireList<T>([]);
                case JsonTokenType.StartArray:
                    return new WireList<T>(JsonSerializer.Deserialize<List<T>>(ref reader, options) ?? []);
                case JsonTokenType.StartObject:
                    using (var document = JsonDocument.ParseValue(ref reader))
                    {
                        foreach (var property in document.RootElement.EnumerateObject())
                        {
                            if (property.Value.ValueKind == JsonValueKind.Array)
                                return new WireList<T>(property.Value.Deserialize<List<T>>(options) ?? []);
                        }
                        return new WireList<T>([]);
                    }
                default:
                    throw new JsonException($"Expected a list, found {reader.TokenType}.");
            }
        }

        public override void Write(Utf8JsonWriter writer, WireList<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Items, options);
    }
}
