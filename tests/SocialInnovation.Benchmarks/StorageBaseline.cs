using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SocialInnovation.Testing;

namespace SocialInnovation.Benchmarks;

/// <summary>
/// The floor under every acknowledged change: one conditional write of a camp-sized state (4 KB of
/// JSON) as a blob and as a table row, the two interleaved round by round so that both see the same
/// load; and the first (create-only) write of each.
/// </summary>
public static class StorageBaseline
{
    public static async Task Run(int rounds)
    {
        var name = $"bench{Guid.NewGuid():N}"[..20];
        var container = new BlobServiceClient(TestStorage.ConnectionString).GetBlobContainerClient(name);
        var table = new TableClient(TestStorage.ConnectionString, name);
        await container.CreateAsync();
        await table.CreateAsync();
        var json = "{\"s\":\"" + new string('x', 4090) + "\"}";
        var payload = BinaryData.FromString(json);
        var blob = container.GetBlobClient("camp.json");
        var blobTag = (await blob.UploadAsync(payload)).Value.ETag;
        var row = Row("p", "camp", json);
        var rowTag = (await table.AddEntityAsync(row)).Headers.ETag!.Value;
        List<double> blobWrites = [], rowWrites = [], blobCreates = [], rowCreates = [];
        for (var i = 0; i < rounds; i++)
        {
            // Alternate which goes first, so neither always follows the other's request.
            if (i % 2 == 0)
            {
                blobTag = await Time(blobWrites, async () => (await blob.UploadAsync(payload, IfMatch(blobTag))).Value.ETag);
                rowTag = await Time(rowWrites, async () => (await table.UpdateEntityAsync(row, rowTag, TableUpdateMode.Replace)).Headers.ETag!.Value);
            }
            else
            {
                rowTag = await Time(rowWrites, async () => (await table.UpdateEntityAsync(row, rowTag, TableUpdateMode.Replace)).Headers.ETag!.Value);
                blobTag = await Time(blobWrites, async () => (await blob.UploadAsync(payload, IfMatch(blobTag))).Value.ETag);
            }
            var key = $"new{i}";
            await Time(blobCreates, async () => (await container.GetBlobClient(key).UploadAsync(payload, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            })).Value.ETag);
            await Time(rowCreates, async () => (await table.AddEntityAsync(Row(key[..4], key, json))).Headers.ETag!.Value);
        }
        await container.DeleteAsync();
        await table.DeleteAsync();
        Console.WriteLine($"\nbaseline ({rounds} rounds, interleaved), 4 KB of JSON:");
        Console.WriteLine($"  conditional blob write (If-Match):       {Stats.Summary(blobWrites)}");
        Console.WriteLine($"  conditional row update (If-Match, Replace): {Stats.Summary(rowWrites)}");
        Console.WriteLine($"  blob create (If-None-Match *):           {Stats.Summary(blobCreates)}");
        Console.WriteLine($"  row insert:                              {Stats.Summary(rowCreates)}");
    }

    private static BlobUploadOptions IfMatch(ETag etag) => new() { Conditions = new BlobRequestConditions { IfMatch = etag } };

    private static TableEntity Row(string partition, string key, string json) => new(partition, key) { ["S0"] = json };

    private static async Task<ETag> Time(List<double> into, Func<Task<ETag>> write)
    {
        var started = Stopwatch.GetTimestamp();
        var etag = await write();
        into.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return etag;
    }
}
