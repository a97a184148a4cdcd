using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace SocialInnovation.Server.Artifacts;

/// <summary>
/// The private blob container of artifacts. Uploads arrive as numbered blocks that are staged on a
/// block blob; nothing is visible until the block list is committed, after the checks. The container
/// is created without public access and never handed out: downloads go through the server.
/// </summary>
public sealed class ArtifactStore(BlobContainerClient container)
{
    private Task? _created;

    public static string BlockId(int index) => Convert.ToBase64String(Encoding.ASCII.GetBytes($"block-{index:D6}"));

    private static int IndexOf(string blockId) => int.Parse(Encoding.ASCII.GetString(Convert.FromBase64String(blockId))["block-".Length..]);

    private BlockBlobClient Blob(string name) => container.GetBlockBlobClient(name);

    private Task Ready() => _created ??= container.CreateIfNotExistsAsync(PublicAccessType.None);

    public async Task StageBlock(string blobName, int index, Stream content)
    {
        await Ready();
        await Blob(blobName).StageBlockAsync(BlockId(index), content);
    }

    /// <summary>The blocks staged so far (index → size), so a client resumes after an interrupted upload.</summary>
    public async Task<IReadOnlyDictionary<int, long>> Staged(string blobName)
    {
        await Ready();
        try
        {
            var list = await Blob(blobName).GetBlockListAsync(BlockListTypes.Uncommitted);
            return list.Value.UncommittedBlocks.ToDictionary(b => IndexOf(b.Name), b => b.SizeLong);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return new Dictionary<int, long>();
        }
    }

    public async Task Commit(string blobName, int blocks, string contentType, string disposition) =>
        await Blob(blobName).CommitBlockListAsync(Enumerable.Range(0, blocks).Select(BlockId),
            new CommitBlockListOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType, ContentDisposition = disposition },
                // A version never overwrites another: its blob name is new, and this refuses an existing blob.
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            });

    public async Task<byte[]> Head(string blobName, int bytes)
    {
        var result = await Blob(blobName).DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(0, bytes) });
        return result.Value.Content.ToArray();
    }

    public Task<Stream> OpenRead(string blobName) => Blob(blobName).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false));

    public async Task<bool> Exists(string blobName) => (await Blob(blobName).ExistsAsync()).Value;

    public Task Delete(string blobName) => Blob(blobName).DeleteIfExistsAsync();
}
