// Engine objects made from the site's binary files (bytes through the one
// shared fetch of common/fetch.js). Errors name the file.
import { fetchBytes, LINEAR_MODEL_URL } from '../common/fetch.js';

// A Dataset engine object (caller deletes it).
export async function loadDataset(engine, url) {
  const bytes = await fetchBytes(url);
  try {
    return engine.Dataset.fromBytes(bytes);
  } catch (error) {
    throw new Error(`${url}: ${error.message}`);
  }
}

// Loads a .wlm file into `net`; on a bad file the network keeps its weights.
export async function loadModelInto(net, url) {
  const bytes = await fetchBytes(url);
  try {
    net.loadModel(bytes);
  } catch (error) {
    throw new Error(`${url}: ${error.message}`);
  }
}

// The chapter's trained weights into `net`, then the Dataset at `url`: the
// Dataset, or null (and nothing kept) when `wanted()` has turned false
// meanwhile (the view was left, or a newer request was made).
export async function loadTrainedAndDigits(engine, net, url, wanted) {
  await loadModelInto(net, LINEAR_MODEL_URL);
  if (!wanted()) return null;
  const data = await loadDataset(engine, url);
  if (wanted()) return data;
  data.delete();
  return null;
}
