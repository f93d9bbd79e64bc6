// Where files live: a folder on this machine (the default: one process, one
// disk) or an S3-compatible bucket that every app process shares (issue 17:
// a file uploaded through one process must download through another, and the
// open-data files one process builds must be served by all). Callers name
// objects by key ("3f…a9.pdf", "offers.csv"); each store adds its place.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { S3Settings } from "~/env.server";

export type StoredObject = { key: string; lastModified: Date };

export interface ObjectStore {
  /** "disk" or "s3", for logs and the operator. */
  readonly kind: "disk" | "s3";
  /** Where it is, for logs: a folder, or s3://bucket/prefix. */
  readonly location: string;
  /** Writes the whole object; readers see the old one or the new one, never part of it. */
  put(key: string, body: Uint8Array | string, contentType?: string): Promise<void>;
  /** The object's bytes; null when there is none by that key. */
  get(key: string): Promise<Buffer<ArrayBuffer> | null>;
  /** Removes the object; no error when it is already gone. */
  delete(key: string): Promise<void>;
  /** Every object directly under this store (not the names of temporary files). */
  list(): Promise<StoredObject[]>;
  /** Throws unless the store answers and can be written to (for /readyz). */
  check(): Promise<void>;
}

/** The storage did not answer (S3 down, a disk error): a 503, not a missing file. */
export class StorageUnavailableError extends Error {
  constructor(operation: string, location: string, cause: unknown) {
    super(
      `object storage did not answer (${operation} at ${location}): ${(cause as Error)?.message ?? String(cause)}`,
      { cause },
    );
    this.name = "StorageUnavailableError";
  }
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === "ENOENT";

/** Files in one folder, made on first write. */
export function diskStore(folder: string): ObjectStore {
  const dir = path.resolve(folder);
  const location = dir;
  const fail =
    (operation: string) =>
    (error: unknown): never => {
      throw new StorageUnavailableError(operation, location, error);
    };
  return {
    kind: "disk",
    location,
    async put(key, body) {
      await fs.mkdir(dir, { recursive: true }).catch(fail("put"));
      // A temporary name starting with "." then a rename: atomic on one file system.
      const temp = path.join(dir, `.${key}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
      try {
        await fs.writeFile(temp, body);
        await fs.rename(temp, path.join(dir, key));
      } catch (error) {
        await fs.rm(temp, { force: true }).catch(() => undefined);
        fail("put")(error);
      }
    },
    async get(key) {
      try {
        return await fs.readFile(path.join(dir, key));
      } catch (error) {
        if (isMissing(error) || (error as NodeJS.ErrnoException).code === "EISDIR") return null;
        return fail("get")(error);
      }
    },
    async delete(key) {
      await fs.rm(path.join(dir, key), { force: true }).catch(fail("delete"));
    },
    async list() {
      let names: string[];
      try {
        names = await fs.readdir(dir);
      } catch (error) {
        if (isMissing(error)) return [];
        return fail("list")(error);
      }
      const objects: StoredObject[] = [];
      for (const name of names.filter((entry) => !entry.startsWith("."))) {
        const stat = await fs.stat(path.join(dir, name)).catch(() => null);
        if (stat?.isFile()) objects.push({ key: name, lastModified: stat.mtime });
      }
      return objects;
    },
    async check() {
      await fs.mkdir(dir, { recursive: true }).catch(fail("check"));
      await fs.access(dir, fs.constants.W_OK).catch(fail("check"));
    },
  };
}

type S3Module = typeof import("@aws-sdk/client-s3");
type S3Handle = { sdk: S3Module; client: InstanceType<S3Module["S3Client"]> };
const clients = new Map<string, Promise<S3Handle>>();

// One client per configuration, loaded only when S3 is configured: the SDK
// is large and the local default never needs it.
function s3Client(settings: S3Settings): Promise<S3Handle> {
  const id = `${settings.endpoint} ${settings.bucket} ${settings.accessKeyId}`;
  let handle = clients.get(id);
  if (!handle) {
    // The SDK warns once on Node 20 that releases after January 2027 need
    // Node 22 (aws/aws-sdk-js-v3#7983, which documents this variable). The
    // version here is pinned, so the warning says nothing about this build;
    // an operator who sets the variable keeps their own value.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
    handle = import("@aws-sdk/client-s3").then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        endpoint: settings.endpoint,
        region: settings.region,
        forcePathStyle: settings.forcePathStyle,
        credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
        // A storage that does not answer fails the request in seconds (a
        // clear 503), not after the SDK's default of waiting indefinitely.
        maxAttempts: 2,
        requestHandler: { connectionTimeout: 3000, requestTimeout: 30_000 },
      }),
    }));
    handle.catch(() => clients.delete(id));
    clients.set(id, handle);
  }
  return handle;
}

function isNotFound(error: unknown): boolean {
  const named = error as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  return named?.name === "NoSuchKey" || named?.name === "NotFound" || named?.$metadata?.httpStatusCode === 404;
}

/** Objects under `prefix` ("uploads/", "open-data/") in the configured bucket. */
export function s3Store(settings: S3Settings, prefix: string): ObjectStore {
  const location = `s3://${settings.bucket}/${prefix}`;
  const Bucket = settings.bucket;
  async function run<T>(operation: string, call: (handle: S3Handle) => Promise<T>): Promise<T> {
    try {
      return await call(await s3Client(settings));
    } catch (error) {
      throw new StorageUnavailableError(operation, location, error);
    }
  }
  return {
    kind: "s3",
    location,
    async put(key, body, contentType) {
      await run("put", ({ sdk, client }) =>
        client.send(new sdk.PutObjectCommand({ Bucket, Key: prefix + key, Body: body, ContentType: contentType })),
      );
    },
    async get(key) {
      try {
        const { sdk, client } = await s3Client(settings);
        const answer = await client.send(new sdk.GetObjectCommand({ Bucket, Key: prefix + key }));
        return answer.Body ? Buffer.from(await answer.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (error) {
        if (isNotFound(error)) return null;
        throw new StorageUnavailableError("get", location, error);
      }
    },
    async delete(key) {
      await run("delete", ({ sdk, client }) => client.send(new sdk.DeleteObjectCommand({ Bucket, Key: prefix + key })));
    },
    async list() {
      return run("list", async ({ sdk, client }) => {
        const objects: StoredObject[] = [];
        let ContinuationToken: string | undefined;
        do {
          const page = await client.send(new sdk.ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }));
          for (const item of page.Contents ?? []) {
            const key = item.Key?.slice(prefix.length);
            if (key && !key.includes("/")) objects.push({ key, lastModified: item.LastModified ?? new Date(0) });
          }
          ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (ContinuationToken);
        return objects;
      });
    },
    async check() {
      await run("check", ({ sdk, client }) => client.send(new sdk.HeadBucketCommand({ Bucket })));
    },
  };
}
