using System.Diagnostics;
using Azure.Storage.Blobs;
using SocialInnovation.Testing;

namespace SocialInnovation.Benchmarks;

/// <summary>One conditional blob write of a camp-sized state, the floor under every acknowledged change.</summary>
public static class StorageBaseline
{
    public static async Task Run(int rounds)
    {
        var container = new BlobServiceClient(TestStorage.ConnectionString).GetBlobContainerClient($"bench-{Guid.NewGuid():N}");
        await container.CreateAsync();
        var blob = container.GetBlobClient("camp.json");
        var payload = BinaryData.FromString(new string('x', 4096));
        var etag = (await blob.UploadAsync(payload)).Value.ETag;
        var writes = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            etag = (await blob.UploadAsync(payload, new Azure.Storage.Blobs.Models.BlobUploadOptions
            {
                Conditions = new Azure.Storage.Blobs.Models.BlobRequestConditions { IfMatch = etag },
            })).Value.ETag;
            writes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        await container.DeleteAsync();
        Console.WriteLine($"\nbaseline: one 4 KB conditional blob write on its own: {Stats.Summary(writes)}");
    }
}
