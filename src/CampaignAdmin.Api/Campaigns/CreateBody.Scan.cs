using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>The one pass over a create body: rule 1 and the clients' param counts, or null where the serializer must read it.</summary>
internal sealed partial class CreateBody
{
    private sealed record ScanResult(CreateCampaignRequest Request, int Count, List<(int Offset, JsonReaderState State)> Chunks);

    /// <summary>Thrown inside the scan for anything it leaves to the serializer.</summary>
    private sealed class NotPlain : Exception;

    /// <summary>The request with stand-in clients, or null where the serializer must read the body.</summary>
    private static ScanResult? Scan(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, isFinalBlock: true, new JsonReaderState(ReaderOptions));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            var request = new CreateCampaignRequest();
            var seen = Field.None;
            ClientsScan? clients = null;
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var field = FieldOf(ref reader, TopFields);
                if (field != Field.None && (seen & field) != 0) return null;
                seen |= field;
                Next(ref reader);
                switch (field)
                {
                    case Field.Name: request.Name = OptionalString(ref reader); break;
                    case Field.Message: request.Message = OptionalString(ref reader); break;
                    case Field.Json: request.Json = OptionalString(ref reader); break;
                    case Field.TempMsgId: request.TempMsgId = OptionalString(ref reader); break;
                    case Field.SendAt: request.SendAt = OptionalString(ref reader); break;
                    case Field.Clients: clients = ScanClients(ref reader); break;
                    default: SkipValue(ref reader); break;
                }
            }
            // Anything after the object but white space is the serializer's to refuse.
            if (reader.Read()) return null;
            clients ??= ClientsScan.None;
            request.Clients = clients.StandIns();
            return new ScanResult(request, clients.Count, clients.Chunks);
        }
        catch (Exception exception) when (exception is NotPlain or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private sealed record ClientsScan(int Count, List<(int Offset, JsonReaderState State)> Chunks, int FirstParams, int FewestParams, int MostParams)
    {
        public static ClientsScan None { get; } = new(0, [], 0, 0, 0);

        public List<CampaignClient> StandIns() => Count switch
        {
            0 => [],
            1 => [Client(FirstParams)],
            _ => [Client(FirstParams), Client(FewestParams), Client(MostParams)],
        };

        private static CampaignClient Client(int parameters) => new() { Params = [.. Enumerable.Repeat("", parameters)] };
    }

    private static ClientsScan ScanClients(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return ClientsScan.None;
        if (reader.TokenType != JsonTokenType.StartArray) throw new NotPlain();
        var chunks = new List<(int, JsonReaderState)>();
        var (count, first, fewest, most) = (0, 0, int.MaxValue, 0);
        while (true)
        {
            if (count % CampaignWriter.ChunkSize == 0) chunks.Add(((int)reader.BytesConsumed, reader.CurrentState));
            if (Next(ref reader) == JsonTokenType.EndArray) break;
            var parameters = ScanClient(ref reader);
            if (count == 0) first = parameters;
            (fewest, most) = (Math.Min(fewest, parameters), Math.Max(most, parameters));
            count++;
        }
        if (count % CampaignWriter.ChunkSize == 0) chunks.RemoveAt(chunks.Count - 1);
        return new ClientsScan(count, chunks, first, count == 0 ? 0 : fewest, most);
    }

    /// <summary>Checks one client and answers how many params it has.</summary>
    private static int ScanClient(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return 0;
        if (reader.TokenType != JsonTokenType.StartObject) throw new NotPlain();
        var (seen, parameters) = (Field.None, 0);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var field = FieldOf(ref reader, ClientFields);
            if (field != Field.None && (seen & field) != 0) throw new NotPlain();
            seen |= field;
            Next(ref reader);
            switch (field)
            {
                case Field.AccountId: CheckString(ref reader); break;
                case Field.Params: parameters = ScanParams(ref reader); break;
                default: SkipValue(ref reader); break;
            }
        }
        return parameters;
    }

    private static int ScanParams(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return 0;
        if (reader.TokenType != JsonTokenType.StartArray) throw new NotPlain();
        var count = 0;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            CheckString(ref reader);
            count++;
        }
        return count;
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) => reader.Read() ? reader.TokenType : throw new NotPlain();

    private static void SkipValue(ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip()) throw new NotPlain();
    }

    /// <summary>A string or null, as the serializer would read it; null reads as Go's <c>""</c> (as <see cref="CreateCampaignRequest.Normalize"/> does).</summary>
    private static string OptionalString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => "",
        JsonTokenType.String => reader.GetString()!,
        _ => throw new NotPlain(),
    };

    /// <summary>That the token is null or a string the serializer could read, without making the string.</summary>
    private static void CheckString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return;
        if (reader.TokenType != JsonTokenType.String) throw new NotPlain();
        if (!reader.ValueIsEscaped)
        {
            if (!Utf8.IsValid(reader.ValueSpan)) throw new NotPlain();
            return;
        }
        // An escape may hide a lone surrogate the serializer refuses: unescape it, as GetString would.
        var length = reader.ValueSpan.Length;
        var rented = ArrayPool<char>.Shared.Rent(length);
        try { reader.CopyString(rented); }
        finally { ArrayPool<char>.Shared.Return(rented); }
    }
}
