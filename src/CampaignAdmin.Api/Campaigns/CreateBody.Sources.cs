using System.Buffers;
using System.Text.Json;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Wire;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>A create's clients a chunk at a time: from a parsed list, or read again from the body.</summary>
internal sealed partial class CreateBody
{
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
