namespace Rekindle.Core.Safety;

/// <summary>
/// The training sentences nearest each query, by dot product (the embeddings are unit length, so it is the cosine).
/// The crisis reader and the message coach both let their nearest training sentences vote; this is the one search.
/// </summary>
internal static class NearestNeighbours
{
    /// <summary>
    /// One pass over the training vectors for every query together: many megabytes of neighbours are read once, not
    /// once per sentence. Query q's neighbours are at <c>q * K</c> to <c>q * K + K - 1</c>, the closest first.
    /// </summary>
    /// <param name="vectors">The training sentences' embeddings, one after another, <paramref name="dimensions"/> each.</param>
    public static (float[] Similarity, int[] Row, int K) Find(float[] vectors, int rows, int dimensions, IReadOnlyList<float[]> queries, int wanted)
    {
        var k = Math.Min(wanted, rows);
        var similarities = new float[queries.Count * k];
        var found = new int[queries.Count * k];
        similarities.AsSpan().Fill(float.NegativeInfinity);
        for (var i = 0; i < rows; i++)
        {
            var row = vectors.AsSpan(i * dimensions, dimensions);
            for (var q = 0; q < queries.Count; q++)
            {
                var similarity = CrisisClassifier.Dot(row, queries[q]);
                var top = similarities.AsSpan(q * k, k);
                if (similarity <= top[k - 1])
                {
                    continue;
                }

                // Insert in order: k is small (8 or 10), so a shift beats a heap.
                var indices = found.AsSpan(q * k, k);
                var at = k - 1;
                while (at > 0 && top[at - 1] < similarity)
                {
                    top[at] = top[at - 1];
                    indices[at] = indices[at - 1];
                    at--;
                }

                top[at] = similarity;
                indices[at] = i;
            }
        }

        return (similarities, found, k);
    }
}
