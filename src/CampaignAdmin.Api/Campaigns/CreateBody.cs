using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Wire;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>
/// A create request whose clients stay in the body until they are stored. A million clients parsed into objects are
/// ~250 MB that live for the whole create, and every collection meanwhile copies them as they are promoted: the pauses
/// other requests waited on. Here one pass over the body (<see cref="Read"/>) checks rule 1 without building a client,
/// and each chunk of clients is read again from the body when it is written (<see cref="ClientSource.Read"/>), so a
/// chunk's objects die young.
/// </summary>
/// <remarks>
/// The pass accepts only what <see cref="JsonSerializer"/> would read the same way (ASCII keys without escapes, no
/// repeated field, strings and nulls where the contract has them), and hands anything else, every malformed body
/// included, to <see cref="JsonSerializer"/>: its answer, error text or request, is then the answer. So the texts of
/// rule 1 are the serializer's own, and an odd body costs a normal parse, never a different result.
/// </remarks>
internal sealed class CreateBody
{
    private CreateBody(CreateCampaignRequest request, ClientSource clients) => (Request, Clients) = (request, clients);

    /// <summary>
    /// The request for rules 2–8. Of a streamed body its <c>Clients</c> holds stand-ins that give those rules the same
    /// answer as the whole list: the first client (rule 6 counts its params), and clients with the fewest and the most
    /// params (rule 7 asks whether every client has exactly the template's count). Rule 9 reads the real ones.
    /// </summary>
    public CreateCampaignRequest Request { get; }

    public ClientSource Clients { get; }

    /// <summary>Whether the clients are read from the body (else the serializer read the body, or it was parsed already).</summary>
    public bool IsStreamed => Clients is StreamedSource;

    /// <summary>An already parsed request (the demo data, tests): its own list is the source.</summary>
    public static CreateBody Of(CreateCampaignRequest request)
    {
        request.Normalize();
        return new CreateBody(request, new ListSource(request.Clients));
    }

    /// <summary>The request in <paramref name="body"/>, or null for the JSON literal <c>null</c>; throws <see cref="JsonException"/> as the serializer does.</summary>
    public static CreateBody? Read(ReadOnlyMemory<byte> body)
    {
        if (Scan(body.Span) is { } scan)
            return new CreateBody(scan.Request, new StreamedSource(body, scan.Count, scan.Chunks));
        return JsonSerializer.Deserialize<CreateCampaignRequest>(body.Span, CampaignJson.Options) is { } request ? Of(request) : null;
    }

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = CampaignJson.Options.MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

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

    [Flags]
    private enum Field
    {
        None = 0, Name = 1, Message = 2, Clients = 4, Json = 8, TempMsgId = 16, SendAt = 32, AccountId = 64, Params = 128,
    }

    private static readonly (byte[] Key, Field Field)[] TopFields =
        [("Name"u8.ToArray(), Field.Name), ("Message"u8.ToArray(), Field.Message), ("Clients"u8.ToArray(), Field.Clients),
         ("JSON"u8.ToArray(), Field.Json), ("TempMsgID"u8.ToArray(), Field.TempMsgId), ("SendAt"u8.ToArray(), Field.SendAt)];

    private static readonly (byte[] Key, Field Field)[] ClientFields =
        [("AccountID"u8.ToArray(), Field.AccountId), ("Params"u8.ToArray(), Field.Params)];

    /// <summary>
    /// The field a key names, in any ASCII case. A key with an escape or a non-ASCII letter might still match one
    /// (the serializer unescapes, and compares ignoring case beyond ASCII), so it goes to the serializer.
    /// </summary>
    private static Field FieldOf(ref Utf8JsonReader reader, (byte[] Key, Field Field)[] fields)
    {
        if (reader.ValueIsEscaped) throw new NotPlain();
        var key = reader.ValueSpan;
        foreach (var b in key)
            if (b >= 0x80) throw new NotPlain();
        foreach (var (name, field) in fields)
            if (System.Text.Ascii.EqualsIgnoreCase(key, name)) return field;
        return Field.None;
    }

    /// <summary>Where a create's clients come from, a chunk at a time, in order.</summary>
    public abstract class ClientSource
    {
        public abstract int Count { get; }

        /// <summary>Clients <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> − 1: each AccountID as sent, and its params as stored (a JSON array of strings).</summary>
        public abstract (string[] AccountIds, string[] Params) Read(int start, int count);

        /// <summary>Every client as an object: only for a campaign small enough to echo them.</summary>
        public abstract List<CampaignClient> ToList();
    }

    private sealed class ListSource(List<CampaignClient> clients) : ClientSource
    {
        public override int Count => clients.Count;

        public override (string[] AccountIds, string[] Params) Read(int start, int count)
        {
            var (accountIds, parameters) = (new string[count], new string[count]);
            for (var i = 0; i < count; i++)
            {
                var client = clients[start + i];
                accountIds[i] = client.AccountId;
                parameters[i] = JsonSerializer.Serialize(client.Params, CampaignJson.Options);
            }
            return (accountIds, parameters);
        }

        public override List<CampaignClient> ToList() => clients;
    }

    /// <summary>Reads clients again from the body, from the reader's state saved at each chunk's start during the scan.</summary>
    private sealed class StreamedSource(ReadOnlyMemory<byte> body, int count, List<(int Offset, JsonReaderState State)> chunks) : ClientSource
    {
        private static readonly JsonWriterOptions WriterOptions = new() { Encoder = CampaignJson.Options.Encoder };

        public override int Count => count;

        public override (string[] AccountIds, string[] Params) Read(int start, int count)
        {
            if (start % CampaignWriter.ChunkSize != 0) throw new ArgumentOutOfRangeException(nameof(start), "a streamed body is read from a chunk's start");
            var (offset, state) = chunks[start / CampaignWriter.ChunkSize];
            var reader = new Utf8JsonReader(body.Span[offset..], isFinalBlock: true, state);
            var (accountIds, parameters) = (new string[count], new string[count]);
            var output = new ArrayBufferWriter<byte>(256);
            using var writer = new Utf8JsonWriter(output, WriterOptions);
            var text = ArrayPool<char>.Shared.Rent(256);
            try
            {
                for (var i = 0; i < count; i++)
                {
                    reader.Read();
                    output.ResetWrittenCount();
                    writer.Reset(output);
                    accountIds[i] = ReadClient(ref reader, writer, ref text);
                    writer.Flush();
                    parameters[i] = System.Text.Encoding.UTF8.GetString(output.WrittenSpan);
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(text);
            }
            return (accountIds, parameters);
        }

        public override List<CampaignClient> ToList()
        {
            var list = new List<CampaignClient>(count);
            for (var start = 0; start < count; start += CampaignWriter.ChunkSize)
            {
                var (accountIds, parameters) = Read(start, Math.Min(CampaignWriter.ChunkSize, count - start));
                for (var i = 0; i < accountIds.Length; i++)
                    list.Add(new CampaignClient { AccountId = accountIds[i], Params = JsonSerializer.Deserialize<List<string>>(parameters[i], CampaignJson.Options)! });
            }
            return list;
        }

        /// <summary>One client the scan has checked: its AccountID ("" for null), and its params written to <paramref name="writer"/>.</summary>
        private static string ReadClient(ref Utf8JsonReader reader, Utf8JsonWriter writer, ref char[] text)
        {
            var accountId = "";
            writer.WriteStartArray();
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var field = FieldOf(ref reader, ClientFields);
                    reader.Read();
                    if (field == Field.AccountId) accountId = reader.TokenType == JsonTokenType.Null ? "" : reader.GetString()!;
                    else if (field == Field.Params) WriteParams(ref reader, writer, ref text);
                    else reader.Skip();
                }
            }
            writer.WriteEndArray();
            return accountId;
        }

        private static void WriteParams(ref Utf8JsonReader reader, Utf8JsonWriter writer, ref char[] text)
        {
            if (reader.TokenType == JsonTokenType.Null) return;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.Null)
                {
                    writer.WriteStringValue("");
                    continue;
                }
                if (text.Length < reader.ValueSpan.Length)
                {
                    ArrayPool<char>.Shared.Return(text);
                    text = ArrayPool<char>.Shared.Rent(reader.ValueSpan.Length);
                }
                writer.WriteStringValue(text.AsSpan(0, reader.CopyString(text)));
            }
        }
    }
}
