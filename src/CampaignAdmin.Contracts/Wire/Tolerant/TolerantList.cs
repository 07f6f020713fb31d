using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignAdmin.Contracts.Wire.Tolerant;

/// <summary>
/// <c>List&lt;T&gt;</c> and <c>IReadOnlyList&lt;T&gt;</c> read from whatever came: an array item by item (an item that
/// cannot be read is dropped, the rest kept), and <c>null</c> or any non-array as an empty list.
/// </summary>
public sealed class TolerantListConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() is var definition
        && (definition == typeof(List<>) || definition == typeof(IReadOnlyList<>));

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var item = typeToConvert.GetGenericArguments()[0];
        var converter = typeToConvert.GetGenericTypeDefinition() == typeof(List<>)
            ? typeof(ListConverter<>).MakeGenericType(item)
            : typeof(ReadOnlyListConverter<>).MakeGenericType(item);
        return (JsonConverter)Activator.CreateInstance(converter)!;
    }

    internal static List<T> ReadItems<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var items = new List<T>();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return items;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // A converter is handed the whole list buffered, so a copy of the reader at the item's start lets an item
            // that cannot be read be skipped from there without losing our place.
            var start = reader;
            try
            {
                if (JsonSerializer.Deserialize<T>(ref reader, options) is { } value) items.Add(value);
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException)
            {
                // an item of the wrong shape (or a value no converter reads): dropped, the list kept
                reader = start;
                reader.Skip();
            }
        }
        return items;
    }

    private sealed class ListConverter<T> : JsonConverter<List<T>>
    {
        public override bool HandleNull => true;

        public override List<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadItems<T>(ref reader, options);

        public override void Write(Utf8JsonWriter writer, List<T> value, JsonSerializerOptions options) => WriteItems(writer, value, options);
    }

    private sealed class ReadOnlyListConverter<T> : JsonConverter<IReadOnlyList<T>>
    {
        public override bool HandleNull => true;

        public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadItems<T>(ref reader, options);

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options) => WriteItems(writer, value, options);
    }

    private static void WriteItems<T>(Utf8JsonWriter writer, IEnumerable<T> items, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in items) JsonSerializer.Serialize(writer, item, options);
        writer.WriteEndArray();
    }
}
