/** The registration page (/register/?code=…): a guardian registers from the school's letter. */
import './asg-register-app.js'
