/** The TTS port: text in, a media URI the media server can play out. */
export interface TextToSpeech {
  mediaFor(text: string, language: string): Promise<string>;
}

/**
 * Speech on the simulator: the text travels in the media URI (`tts:<text>`), the simulator plays
 * it for a time that grows with the text and keeps the text in the far end's record.
 */
export const simulatorSpeech: TextToSpeech = {
  async mediaFor(text) {
    return `tts:${encodeURIComponent(text)}`;
  },
};
