/** heic-decode ships no types: the part of its API the image pipeline uses. */
declare module 'heic-decode' {
  interface DecodedImage {
    width: number
    height: number
    data: Uint8ClampedArray
  }
  interface PendingImage {
    width: number
    height: number
    decode(): Promise<DecodedImage>
  }
  interface Decode {
    (input: { buffer: Uint8Array }): Promise<DecodedImage>
    all(input: { buffer: Uint8Array }): Promise<PendingImage[] & { dispose(): void }>
  }
  const decode: Decode
  export default decode
}
